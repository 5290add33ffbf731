/**
 * Reported speech: words someone else said, written down in a record, against the sender's own
 * words (with or without quotation marks). The examples are written for this test; none is copied
 * from the evaluation corpus.
 */
import { isReportedSpeech, quotations } from "./reported";

/** Whether the `nth` occurrence (0 = first) of `word` in `text` reads as reported speech. */
function reported(text: string, word: string, nth = 0): boolean {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(word, at + 1);
    if (at < 0) throw new Error(`"${word}" is not in the example "${text}"`);
  }
  return isReportedSpeech(text, at, at + word.length);
}

describe("reported speech: records of what someone else said", () => {
  it.each([
    ["The parent shouted \"you stupid cow\" at the receptionist before leaving.", "stupid cow"],
    ["At snack time Child A called Child B a 'p***' and B cried.", "p***"],
    ["During the review he used the word 'retard' twice.", "retard"],
    ["\"You're a useless bitch,\" she screamed, then walked out.", "bitch"],
    ["\"Shut up, you idiot! Nobody wants you here!\" the man yelled at the gate.", "idiot"],
    ["Incident note: someone sprayed “wankers” on the nursery fence overnight.", "wankers"],
    ["Mum showed me a message from her ex saying ‘you’ll regret this’.", "you’ll regret this"],
    ["The training slides give slurs such as \"faggot\" so staff can recognise them.", "faggot"],
    ["The graffiti on the bus shelter read \"Mr Hill is a nonce\".", "nonce"],
    ["He told the inspector: \"this place is a fucking joke\".", "fucking"],
    ["Complaint received. Quote from the caller: 'your staff are morons'.", "morons"],
    ["Allegation: the driver called her a slag in front of the children.", "slag"],
    ["He referred to the new apprentice as a retard in the staff room.", "retard"],
    ["Witness account: the grandad told them to fuck off and drove away.", "fuck"],
    ["The caller said the manager was an idiot and hung up.", "idiot"],
    ["A parent asked what the word twat means after hearing it at the park.", "twat"],
    ["Our policy lists abusive language (e.g. 'bitch', 'slag') that we will not accept.", "slag"],
    // Quoted to condemn it (counter-speech).
    ["Nasty stuff like \"all landlords are cunts\" is hateful and has no place here.", "cunts"],
    ["Rubbish like 'travellers are scum' would rightly get its writer banned.", "scum"],
    ["Putting \"go home, you bitch\" on a mum's car is unacceptable.", "bitch"],
    ["Writing that foreign workers are all wankers tells me more about the writer.", "wankers"],
  ])("%s (%s) is reported", (text, word) => {
    expect(reported(text, word)).toBe(true);
  });
});

describe("reported speech: the sender's own words stay the sender's", () => {
  it.each([
    // Outside the quotation marks.
    ["You're a 'professional', my arse.", "arse"],
    ["He said it was \"fine\". She IS a stupid cow.", "stupid cow"],
    ["Our so-called \"manager\" is a useless cow.", "useless cow"],
    ["Our so-called 'manager' is a useless cow.", "useless cow"],
    ["Don't 'darling' me, you stupid cow.", "stupid cow"],
    // Quoted, but nothing reports anyone's words.
    ["What a \"fucking\" joke this rota is.", "fucking"],
    ["\"Fucking hell,\" I thought as I read the rota again.", "Fucking"],
    ["Stop being such a 'knob' about the parking.", "knob"],
    ["I hate that 'slag' from accounts.", "slag"],
    ["She's a 'fucking slag', disgusting woman.", "slag"],
    ["This whole \"incident log\" idea is a \"fucking\" farce.", "fucking"],
    // Aimed at the reader, even with a reporting word.
    ["I'll tell everyone you're a 'slag'.", "slag"],
    ["Everyone has heard what you are: a 'lying cunt'.", "cunt"],
    ["He called you a twat and he was right.", "twat"],
    ["As I told you before, he's a lazy bastard.", "bastard"],
    // Near misses of the unquoted forms.
    ["I called round to say what a twat you are.", "twat"],
    ["I said the word and the twat still ignored me.", "twat"],
    ["The new rota is called a plan, what a bollocks plan.", "bollocks"],
  ])("%s (%s) is the sender's own", (text, word) => {
    expect(reported(text, word)).toBe(false);
  });

  it("reads a later own use after a quotation of the same word", () => {
    const text = "The dad shouted \"you stupid cow\" at Jo. Honestly, Jo, you stupid cow, you wound him up.";
    expect(reported(text, "stupid cow", 0)).toBe(true);
    expect(reported(text, "stupid cow", 1)).toBe(false);
  });
});

describe("quotations", () => {
  const quoted = (text: string): string[] => quotations(text, 0, text.length).map((q) => text.slice(q.start, q.end));

  it("pairs straight, curly and single quotation marks", () => {
    expect(quoted(`He said "go" and ‘stay’, then 'wait' and “run”.`)).toEqual([`"go"`, "‘stay’", "'wait'", "“run”"]);
  });

  it("does not read apostrophes as quotation marks", () => {
    expect(quoted("Don't touch Jones' car, it's the '90s model.")).toEqual([]);
    expect(quoted("She said ‘you’ll regret this’ twice.")).toEqual(["‘you’ll regret this’"]);
  });

  it("does not carry a quotation over a blank line", () => {
    expect(quoted('He said "wait\n\nfor me" later.')).toEqual([]);
  });

  it("reads single-mark quotations beside apostrophes", () => {
    expect(quoted("You said staff at Zara's room were 'rude and dismissive' at 4 o'clock.")).toEqual(["'rude and dismissive'"]);
    expect(quoted("The parents’ survey called the ’90s building ‘a shambles’ and ‘freezing’.")).toEqual(["‘a shambles’", "‘freezing’"]);
    expect(quoted("Tick 'good', 'ok' or 'poor' for each item.")).toEqual(["'good'", "'ok'", "'poor'"]);
    expect(quoted("She said 'I'm not coming back' and left.")).toEqual(["'I'm not coming back'"]);
    expect(quoted(`He wrote "she said 'no' twice" to me.`)).toEqual([`"she said 'no' twice"`, "'no'"]);
    expect(quoted("‘She said “no” twice,’ he told me.")).toEqual(["‘She said “no” twice,’", "“no”"]);
    expect(quoted("Reply? 'I am disgusted. This is the last straw.' Thanks.")).toEqual(["'I am disgusted. This is the last straw.'"]);
  });

  it("does not pair an elision or a decade with a later apostrophe", () => {
    expect(quoted("The '70s hall and the ’90s extension both leak, Jones' car too.")).toEqual([]);
    expect(quoted("We sang rock 'n' roll and fish 'n' chips songs.")).toEqual([]);
    expect(quoted("'Cos it's late. The boys' coats are in the hall.")).toEqual([]);
    expect(quoted("Tell 'em we're closed. The parents' evening is on Monday!")).toEqual([]);
    expect(quoted("'''Armor''' and ''Stacks'' are wiki markup.")).toEqual([]);
    expect(quoted("Tell 'em now\n\nThe parents' room is shut.")).toEqual([]);
  });

  it("pairs 1 MB of apostrophes and quotations mark by mark, never far apart", () => {
    const text = "'a' b's 'c ".repeat(100_000);
    const spans = quotations(text, 0, text.length);
    expect(spans.length).toBe(99_999);
    expect(spans.every((q) => q.end - q.start === 6)).toBe(true);
  });
});
