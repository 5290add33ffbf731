/**
 * Insult, threat and stereotype frames: abuse written in ordinary words, which no word list
 * holds ("you pathetic little worm", "she's a walrus.", "immigrants are vermin", "I know where
 * your kids go to school", "typical woman.").
 *
 * A frame (`data/abusive/frames.json`) is a line of slots read over the words of a text (lower
 * case, apostrophes dropped: "you're" is `youre`, "I'll" is `ill`):
 *   - `a|b|c_d`: one of these words or phrases (`_` joins the words of a phrase);
 *   - `@set`: one of a named set of words (`@ev|@md`: of either set);
 *   - a suffix `?` (at most once), `*` (up to 3 times) or `+` (1 to 3 times);
 *   - `.`: a clause edge here (punctuation, a line break, the start or end of the text), so that
 *     "she's a walrus." is read but "she's a walrus in the play" is not;
 *   - `~N`: up to N words of anything.
 * The farm, nature walks and children's play stay clean because an animal word counts only
 * aimed at a person and with an insulting word or a clause edge beside it ("what a whale of a
 * time", "a bag of spanners in the shed" and "the children loved the pig" are not frames).
 *
 * Pure and linear in the text: one look-up per word, and the frames that start with that word
 * tried from there (each slot at most 3 repeats, each gap at most a few words).
 */
import data from "../../data/abusive/frames.json";

/** A slot: words (first word → the word sequences starting with it) repeated `min`–`max` times; or a clause edge (`gap` -1); or a gap of up to `gap` words. */
type Slot = Readonly<{ alts?: Map<string, string[][]>; min: number; max: number; gap: number }>;
type Frame = Readonly<{ category: string; slots: readonly Slot[] }>;

/** A frame found: its category and where it is in the text. */
export type FrameHit = Readonly<{ category: string; start: number; end: number; frame: number }>;

type FrameData = Readonly<{ sets: Readonly<Record<string, string>>; frames: readonly (readonly string[])[] }>;

let compiled: { frames: Frame[]; byFirst: Map<string, number[]> } | undefined;

/**
 * Compiles frame data. Throws, naming the frame, on an unknown set or a frame that does not
 * start with words.
 * @param d - sets and frames as in `frames.json`
 * @returns frames and, for each word, the frames starting with it
 */
export function compileFrames(d: FrameData): { frames: Frame[]; byFirst: Map<string, number[]> } {
  const byFirst = new Map<string, number[]>();
  const frames = d.frames.map(([category, line], f) => {
    const slots = (line as string).split(" ").map((s): Slot => {
      if (s === ".") return { min: 0, max: 0, gap: -1 };
      if (s[0] === "~") return { min: 0, max: 0, gap: Number(s.slice(1)) };
      const q = "?*+".indexOf(s.slice(-1));
      const alts = new Map<string, string[][]>();
      for (const a of (q < 0 ? s : s.slice(0, -1)).split("|")) {
        const set = a[0] === "@" ? d.sets[a.slice(1)] : a;
        if (set === undefined) throw new Error(`frames.json: frame ${f} ("${line}") uses an unknown set ${a}`);
        for (const p of set.split(" ")) {
          const words = p.split("_");
          const list = alts.get(words[0] as string) ?? [];
          list.push(words);
          alts.set(words[0] as string, list);
        }
      }
      return { alts, min: q === 0 || q === 1 ? 0 : 1, max: q < 1 ? 1 : 3, gap: 0 };
    });
    const first = slots.find((s) => s.gap >= 0);
    if (!first?.alts || first.min === 0) throw new Error(`frames.json: frame ${f} ("${line}") must start with words`);
    for (const w of first.alts.keys()) byFirst.set(w, [...(byFirst.get(w) ?? []), f]);
    return { category: category as string, slots };
  });
  return { frames, byFirst };
}

/**
 * Finds frames in a text.
 * @param text - any text
 * @param firstOnly - at most one hit per frame, the first
 * @returns hits in text order
 */
export function findFrames(text: string, firstOnly = false): FrameHit[] {
  compiled ??= compileFrames(data);
  const { frames, byFirst } = compiled;
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const re = /[A-Za-z]+(?:['’][A-Za-z]+)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    words.push(m[0].toLowerCase().replace(/['’]/g, ""));
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  const n = words.length;
  // A clause edge before word i: the text's start or end, or anything but spaces, apostrophes,
  // hyphens and asterisks between word i-1 and word i.
  const edge = (i: number): boolean => i === 0 || i === n || /[^ \t'’*-]/.test(text.slice(ends[i - 1], starts[i]));
  const seqAt = (seq: readonly string[], i: number): boolean => seq.every((w, k) => words[i + k] === w);
  /** Reads slots from slot s at word i, slot s already matched `count` times; the index past the last word read, or -1. */
  const read = (slots: readonly Slot[], s: number, i: number, count: number): number => {
    const slot = slots[s];
    if (!slot) return i;
    if (slot.gap < 0) return edge(i) ? read(slots, s + 1, i, 0) : -1;
    if (slot.gap > 0) {
      for (let k = 0; k <= slot.gap && i + k <= n; k++) {
        const r = read(slots, s + 1, i + k, 0);
        if (r >= 0) return r;
      }
      return -1;
    }
    if (count < slot.max && i < n) {
      for (const seq of slot.alts?.get(words[i] as string) ?? []) {
        if (seqAt(seq, i)) {
          const r = read(slots, s, i + seq.length, count + 1);
          if (r >= 0) return r;
        }
      }
    }
    return count >= slot.min ? read(slots, s + 1, i, 0) : -1;
  };
  const hits: FrameHit[] = [];
  // Per frame, the word its last hit ended at: a frame is not read again inside its own hit ("fat sweaty slob", then "sweaty slob").
  const until = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    for (const f of byFirst.get(words[i] as string) ?? []) {
      const u = until.get(f);
      if (u !== undefined && (firstOnly || i < u)) continue;
      const frame = frames[f] as Frame;
      const lead = frame.slots[0]?.gap === -1;
      if (lead && !edge(i)) continue;
      const r = read(frame.slots, lead ? 1 : 0, i, 0);
      if (r > i) {
        until.set(f, r);
        hits.push({ category: frame.category, start: starts[i] as number, end: ends[r - 1] as number, frame: f });
      }
    }
  }
  return hits;
}
