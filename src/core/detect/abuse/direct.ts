/**
 * Direct abuse and threats in ordinary words, aimed at a person or at people: "I hate you",
 * "I despise politicians", "you make me sick", "you are scum", "immigrants are a cancer", "your
 * life is worthless", "I'm going to stab him", "she should be killed", "you deserve to die",
 * "death to all capitalists", "the world would be better off without you", "someone should
 * snap his neck". No word here is abusive alone, so no list holds them; each frame needs a
 * person or people as its target (a pronoun or a plural noun for people: women, immigrants,
 * Muslims, gay people, politicians, parents…), so the same verbs about things stay clean: "I hate
 * Mondays", "I'll shoot you an email", "I could murder a cup of tea", "kill the process", "the
 * plan should be executed", "hang the pictures", "he is sick" (frames.test.ts).
 *
 * Designed from HateCheck's train-split templates (tools/detect/corpus/hatecheck.jsonl, CC BY 4.0)
 * and our own judgement; measured on its dev split. Frames are [category, key words, expression],
 * run by `frameHits` (frames.ts) only on a text holding a key word, and never after a negation, a
 * reporting verb or an opening quotation mark ({@link UNSAID}).
 */

/** Groups of people spoken of as one ("immigrants", "you people", "their lot", "Albanians", "Polish parents"). */
export const GROUP =
  "(?:immigrants?|migrants?|refugees?|asylum seekers|illegals|foreigners|muslims|jews|gays|blacks|gypsies|travellers|pakis|arabs|asians|romanians|albanians|nigerians|pakistanis|somalis|mexicans|africans|poles|eastern europeans|trannies|queers|(?:these|those|you) people|(?:gay|black|chinese|polish) (?:people|m[ae]n|parents)|their lot|your lot|your kind|people like (?:you|them))";

/**
 * Groups protected from hatred (sex, race, religion, sexuality, gender identity, disability,
 * origin), plural: {@link GROUP}, "women", "trans people", "disabled people", "lesbians"; or one
 * member of such a group taken as any ("any woman", "a trans person", "every Muslim").
 */
const PROTECTED = `(?:${GROUP}|women|(?:trans|disabled) people|lesbians|homosexuals|(?:any|every|an?|that) (?:woman|(?:trans|gay|black|disabled) person|muslim|immigrant))`;

/** A protected group as the object of a threat ("all of those kinds of women"). */
const THEM = `(?:the |these |those |every )?(?:kinds? of )?${PROTECTED}`;

/** A protected group spoken of ("all these Muslims", "immigrants like you"). */
const HATED = `(?:(?:all|the|these|those|you|most) )*${PROTECTED}(?: like (?:you|them))?`;

/**
 * What a protected group is called when it is hated ("perverts", "the worst", "a threat", "the
 * dumbest", "no better than rats", "drug dealers", "cheats", "greedy", "a drain on"), ending the phrase (or before
 * "people": "the stupidest people"): not "the worst affected", "sick of waiting", "a threat to their safety",
 * "ignorant of the rules".
 */
const HOSTILE = "worst|perverts|paedos|rapists|terrorists|criminals|thieves|savages|animals|inferior|evil|sick(?:ening)?|stupid(?:est)?|dumb(?:est)?|ignorant|lazy|dirty|filthy|smelly|dishonest|liars|a (?:threat|menace|burden|disgrace|drain)|not human|rats|pigs|dogs|drug \\w+|cheats|drunks|groomers|scammers|greedy";

/** Whom a wish of death or harm is said of: a group, the reader, a person ("journalists like you"). */
const WISHED = `(?:${GROUP}|you|u|he|she|(?:all|the lot|every (?:last |single )?one) of (?:you|them)|\\w+ like (?:you|u|them))`;

/** What a person or group is wished ("should be shot"). */
const WISHED_HARM = "shot|gassed|hanged|exterminated|sterili[sz]ed|strung up|wiped out|lined up against a wall|lined up and shot|culled|drowned|harpooned|burn(?:ed|t) alive|castrated";

/**
 * A person or people named by a noun: a short list, "… people", "(Eastern) Europeans", and -ist / -ian words (racists,
 * journalists, politicians; not checklists or playlists).
 */
export const PEOPLE =
  "(?:(?:(?!no |sa[iy])\\w+ )?(?:people|folks?|m[ae]n|wom[ae]n|police|staff|person|europeans)|(?:immigrant|migrant|refugee|muslim|jew|gay|black|parent|teacher|nurse|doctor|lawyer|cop|manager|worker|girl|boy|person|(?!\\w*[ky]lists)\\w{3,}ist|\\w{2,}ian)s?)";

/** Determiners before people ("all these", "every single one of those", "the next"). */
const DET = "(?:(?:all|every|each|any|an?|the|these|those|you|next|single|one|kinds?|of|lot) )*";

/**
 * Words that may stand between a frame's parts without changing what it says ("I really hate",
 * "I'm going to have to", "are nothing but common", "so much"); any other word ("I think he will
 * hurt you", "parents are finding it disgusting", "not") breaks the frame.
 */
const SOME = "(?: (?:\\w+ly|just|so|much|all|such|nothing|but|absolute|an?|the|am|are|will|would|going|want|have|to|keep|gonna))*";

/**
 * Whom a threat or hatred is aimed at: you or him (not "shoot you an email", "hate you to think"),
 * her at the end of a phrase (not "hurt her feelings"), or people ending the phrase ("the staff
 * rota", "the parents' photos" are not people); never "them" or "it", as often things ("hang them").
 */
const TARGET = `(?:(?:you|u|him)\\b(?! (?:an?|the|some|over|to|back|up|out|at|on|all)\\b)|her\\b(?! \\w)|${DET}${PEOPLE}(?=\\s*(?:[.,!?;:)"”]|$|(?:and|or|but|like|in|at|for|now|today|tomorrow|all|of|once|so|i|die)\\b)))`;

/** Who a frame says is worthless or should die: you, he, she or people, perhaps "like you" / "all". */
const SUBJECT = `(?:you|u|he|she|${DET}${PEOPLE})(?: like (?:you|them))?(?: all)?`;

/** What a person or people are called ("scum", "a disease", "vile"). */
export const VILE = "scum|filth|trash|garbage|vermin|parasite|rat|cockroache?|leeche?|maggot|cancer|plague|disease|subhuman|lesser being|dirt|worthless|disgusting|repu(?:lsive|gnant)|revolting|vile|despicable|pathetic|brainless|virus";

/** {@link VILE}, perhaps plural, not followed by a noun ("rat catcher"). */
const WORTHLESS = `(?:human )?(?:${VILE})s?\\b(?![ -](?!and|to|of|in|for|like|who|that|lol|mate)\\w)`;

/** Ways of harming or killing someone ("kill", "killed", "killing"). */
const HARM = "(?:kill|murder|shoot|stab|hurt|strangl|slaughter|rap|tortur|execut|lynch|exterminat|eradicat|attack)\\w*|wipe out|put an end to";

/**
 * A negation or a reporting verb in the last few words before a frame ("nobody thinks…", "I
 * don't believe…", "it is not true that…", "people saying…", "calling…", "Oliver told Mia…" of an
 * incident record, "threatening to…",
 * "it is a myth that…": what others said, or a stereotype named to condemn it, is not the
 * sender's), "who" ("anyone who attacks Muslims should be locked up": about those who harm the
 * group), or an opening quotation mark just before it (a phrase quoted to condemn it).
 */
export const UNSAID = /\b(?:no|not|never|nobody|cannot|\w+n['’]t|say\w*|said|call\w*|told|threaten\w*|myth|stereotyp\w*|who)\W+(?:\w+\W+){0,3}$|["“‘']$/i;

/** Saying one hates someone ("hate", "can't stand", "feel nothing but contempt for"), before whom. */
const LOATHE = `(?:hate|despise|detest|loathe|abhor|can.?t stand|(?:have|feel)${SOME} (?:hatred|contempt|disdain) for)`;

/**
 * Frames of direct abuse and threats, as [category, key words, expression] (read ignoring case);
 * a frame is read only near its key words, each from a word's start.
 */
export const DIRECT: readonly (readonly [string, string, string])[] = [
  // Hatred: "I really can't stand you", "I despise politicians" ("you make me sick", "hope you die" are phrases of the lists);
  // someone called worthless or vile: "you are scum", "he is nothing but trash", "immigrants are a cancer".
  // A protected group named, then hated as "them" or wished gone as "they" in the same sentence or the next: "Muslims have
  // taken over this town and I despise them", "Immigrants? They should all be sent back", "…, they should all be deported"
  // (not "I can't stand how people treat them", "I hate that for them", "they should be sent the welcome pack", "sent back the
  // form", "if they feel faint they should be sent home", "my nan says they should be sent back": no "say", "said" or "told"
  // between). "They're despicable" after the group is in the frame below.
  [
    "hate",
    `hat|despise|detest|loath|abhor|can.?t stand|contempt|disdain|disgust|${VILE}|deport|sent|kicked|${WISHED_HARM}`,
    `(?:\\bi${SOME} |(?:^|[.!?\\n] *))${LOATHE} ${TARGET}|\\b${PROTECTED}\\b(?:(?!sa[iy]|told)[^\\n]){0,90}?\\b(?:i|we)${SOME} ${LOATHE} them(?= *(?:[^\\w ]|$|all\\b))|\\b${PROTECTED}\\b(?:(?!sa[iy]|told)[^\\n]){0,50}?\\bthey (?:should|must|need to|ought to)(?: all| just)* be (?:sent back|deported|kicked out|${WISHED_HARM})(?= *(?:[^\\w ]|$|the lot\\b))|\\b${SUBJECT}(?: are| r| is|.re|.s)${SOME} (?:(?:${VILE}) )?${WORTHLESS}|\\b${SUBJECT} disgusts? (?:me|us)\\b`,
  ],
  // Hatred of a protected group in ordinary words: "Muslims are all criminals", "women are the worst",
  // "no immigrant deserves to live", "gays don't deserve to exist"; the group then "they" in the same sentence or the next ("those
  // Muslims might look human but they are just parasites", "…but they are just too repulsive"); "it's typical of
  // women to be that stupid" (not asked: "typical of X to be that stupid? No, …"); read near the group's name or a
  // vile word. Without "all": "women are too stupid to be in charge", "gays are disgusting perverts", "Jews control the banks"
  // (not "women are too often…", "Polish parents run the media stall", "the claim that Jews control the banks is a myth").
  // A group said to be worth nothing or all alike: "there is nothing worse than a trans person", "…than your kind", "disabled
  // lives are worth nothing", "Muslim lives have no value", "gay people are not worthy of living", opening its clause
  // "Romanians are all the same.", "Typical woman, can't park" (not "the rules for immigrants are all the same, whatever…",
  // "Polish parents are all the same: brilliant…", "a typical woman's day", "typical Monday", "nothing worse than a toddler
  // who…", "black lives matter"; "typical Muslim" and the like are phrases of the lists).
  [
    "hate",
    `${PROTECTED}|deserve|${VILE}|worse|lives|worthy|typical`,
    `\\bnothing worse than (?:${PROTECTED}|your kind)(?=\\s*(?:[^\\w\\s']|$))|\\b(?:female|trans|gay|black|disabled|muslim|jewish|immigrant|refugee) lives (?:are worth(?:less| (?:absolutely )?nothing)|have no value|(?:don.?t|do not) matter)|(?:^|[.!?,;\\n] *)(?:${HATED} (?:are|.re)(?: all)? the same(?=\\s*(?:[.!,]|$))|typical (?:woman|female|lesbian|(?:trans|gay|black|disabled) person)(?=\\s*(?:[^\\w\\s']|$)))|\\b${HATED}(?:(?: are|.re)(?: all| just| so| such| nothing but| absolute\\w*| the| no better than| too| disgusting)* (?:${HOSTILE})| (?:control|run) the (?:banks|media))(?=\\s*(?:[^\\w\\s']|$|(?:and|people|on(?! no)|to be)\\b))|\\b${PROTECTED}\\b[^\\n]{0,40}?\\b(?:they|most of them)(?: are|.re)(?: still| just| too| common)*${SOME} ${WORTHLESS}|\\btypical of ${HATED} to be (?:so |that )?(?:${HOSTILE})\\b(?!\\?)|\\b${HATED} (?:(?:don.?t|do not) deserve (?:to )?|should(?:n.?t| not) |are not worthy of )(?:liv(?:e|ing)|exist|rights|life)|\\b${HATED} (?:should(?: all)? be (?:locked up|caged|deported)|have no (?:right to (?:live|exist|be alive)|place in))|\\b(?:hatred|contempt|disdain|scorn|loathing) i (?:feel|have) for ${HATED}|\\bno \\w+(?: person)? deserves to (?:live|exist)(?=\\s*(?:[.!]|$))`,
  ],
  // Threats: "I'm going to stab him", "we'll torture these people", "death to all capitalists"; a protected group as the
  // object of killing: "murder every Muslim", "drown those kinds of refugees" (not "hang the women's coats"); harm someone
  // needs or wants: "ref needs his legs broken", "your manager wants strangling", "they need a slap" (not "a slap of
  // paint"); "hope someone throws acid in her face"; "slit its throat". "im gonna batter you, watch", "I'll glass you in
  // the Red Lion" (not "I'll batter you at Uno", "we'll deck you out in the costume", "I'm going to batter you all at the quiz", a child's
  // words quoted in an incident record); "I'll make you regret the day…"; "I know what school your kids go to." at the end
  // of its clause (not "…go to, St Anne's, and their open evening…"). On the lead's review: "batter" only after "I" ("we're
  // gonna batter you!" is rounders), "make you regret" only after "I'll", "and", "gonna" ("Ofsted will make you regret ever
  // skipping the fire log"), the school only after "I know" ("please let us know what school your kids go to.").
  [
    "threat",
    `${HARM}|death|gas|get rid|drown|throat|neck|better off|broken|slap|acid|batter|deck|glass|thump|make you|know what`,
    `\\b(?:i|we)(?:.?(?:m|ll|re|d))?${SOME} (?:${HARM}|deck|glass|thump) ${TARGET}|\\bi(?:.?(?:m|ll|d))?${SOME} batter ${TARGET}|\\b(?:i.?ll|i will|and|gonna|going to) make you regret (?:ever|the day)|\\bi know what school your kids go to(?!,? \\w)|\\b(?:need|want)s? (?:\\w+ legs broken|strangling|a slap(?! of))|\\bthrows? acid|\\bdeath to (?:${TARGET}|all \\w+)|\\b(?:kill|murder|shoot|stab|torture|slaughter|drown|hang|gas|exterminate|eradicate|execute|get rid of) (?:all )?(?:of )?${THEM}\\b(?!['’])|\\b(?:cut|slit|snap|wring) (?:(?:your|ur|its|his|her|${THEM}.s) (?:throat|neck)s?|the (?:throats|necks) of (?:all )?${THEM})\\b|\\bbetter off if ${THEM} (?:were|was) (?:dead|gone|${HARM})`,
  ],
  // Someone to be run over, a home burnt down, a car keyed: "someone should run that manager over", "I will burn your
  // nursery down", "shame if someone keyed it"; "I've got your pics … unless you pay" (not "run that cable / checklist over",
  // "someone keyed it in", "keyed your hours", "photos go online unless you opt out", nor, on the lead's review, "Sorry Jo,
  // someone keyed your car in the staff car park last night": a keyed car is a threat only after "shame if"). Harm wished in a condition
  // ("better place if you were dead") is in the harassment list.
  [
    "threat",
    "run|burn|keyed|unless",
    `\\bshould run that (?!\\w*list)${PEOPLE} over|\\bburn (?:your|ur) \\w+ down|\\bshame if some\\w+ keyed (?:it\\W|your car)|\\bgot (?:your|ur) (?:pics|nudes)[^.!?\\n]{0,60}unless (?:you|u) pay`,
  ],
  // Wishing someone dead or harmed: "she should be killed", "you deserve to die", "somebody should stab him";
  // veiled threats: "ur getting jumped", "you won't see me coming", "hope your dog gets run over" (not "you're getting
  // soaked", "hope your dog gets better"); "burn the church down with them in it".
  [
    "threat",
    `die|dead|hang|hung|burn|rot|suffer|${HARM}|${WISHED_HARM}|jumped|slapped|battered|punched|coming|hope (?:your|ur|his|her) `,
    `\\b(?:${SUBJECT}|${WISHED}) (?:should|must|need to|ought to|deserves? to)(?: all| just)* (?:(?:die|hang|burn|rot|suffer)(?=\\s*(?:[.,!?;]|$|for\\b|in hell))|(?:be|get) (?:${HARM}|${WISHED_HARM}|hang|hung|burn|dead))|\\b(?:some(?:one|body)|we) (?:should|ought to|must)(?: just)? (?:${HARM}|hang|drown) ${TARGET}|\\b(?:i wish|i hope) (?:${SUBJECT}|${WISHED}) (?:(?:would |will )?(?:be|gets?|got)|were|was) (?:${HARM}|${WISHED_HARM}|dead)\\b(?! of)|\\b(?:you|u|ur|you.?re) (?:gonna |going to |wanna |want to )?get(?:ting)? (?:jumped|slapped|battered|stabbed|punched)\\b|\\b(?:won.?t|never) see (?:me|us) coming|\\bhope (?:your|ur|his|her) (?:kids?|family|mum|dad|dog|cat|house|car) (?:gets? (?:run over|hurt|killed|cancer|taken off)|dies?|burns? down)|\\bburn[\\w ]{0,30} with (?:you|them|him|her) in it`,
  ],
];
