import compact from "../data/public-suffix-compact.json";
import { PARTIAL_TLDS, splitDomainCompact } from "./public-suffix";
import { fullServices, splitDomainFull } from "./public-suffix-full";

/** Probe hosts for every rule of the compact list: below it, deeper below it, and the rule itself. */
function probes(): string[] {
  const hosts: string[] = [];
  for (const [tld, list] of Object.entries(compact.rules)) {
    hosts.push(`example.${tld}`, `www.example.${tld}`);
    for (const rule of list.split(" ")) {
      if (rule.startsWith("!")) {
        const name = `${rule.slice(1)}.${tld}`;
        hosts.push(name, `mail.${name}`);
      } else if (rule.startsWith("*.")) {
        const name = `${rule.slice(2)}.${tld}`;
        hosts.push(name, `town.${name}`, `school.town.${name}`, `mail.school.town.${name}`);
      } else {
        const name = `${rule}.${tld}`;
        hosts.push(name, `norcot.${name}`, `mail.norcot.${name}`);
      }
    }
  }
  return hosts;
}

describe("splitDomainCompact", () => {
  it.each([
    ["norcotearlyyearscentre.co.uk", "norcotearlyyearscentre.co.uk", "co.uk"],
    ["mail.norcotearlyyearscentre.co.uk", "norcotearlyyearscentre.co.uk", "co.uk"],
    ["Officer.READING.gov.uk.", "reading.gov.uk", "gov.uk"],
    ["norcot.reading.sch.uk", "norcot.reading.sch.uk", "reading.sch.uk"],
    ["mail.norcot.reading.sch.uk", "norcot.reading.sch.uk", "reading.sch.uk"],
    ["example.uk", "example.uk", "uk"],
    ["gmail.com", "gmail.com", "com"],
    ["x.blogspot.com", "blogspot.com", "com"],
    ["school.wa.edu.au", "school.wa.edu.au", "wa.edu.au"],
    ["uni.edu.au", "uni.edu.au", "edu.au"],
    ["shop.co.jp", "shop.co.jp", "co.jp"],
    ["loja.com.br", "loja.com.br", "com.br"],
    ["foo.unknowntld", "foo.unknowntld", "unknowntld"],
    ["a.b.c.d.example.org", "example.org", "org"],
  ])("%s → %s (%s)", (host, registrable, suffix) => {
    expect(splitDomainCompact(host)).toEqual({ registrable, suffix });
  });

  it.each([["co.uk"], ["uk"], ["reading.sch.uk"], ["192.168.0.1"], ["[::1]"], ["a..co.uk"], [""], ["localhost"], [".co.uk"]])(
    "%s has no registrable domain",
    (host) => {
      expect(splitDomainCompact(host)).toBeNull();
      expect(splitDomainFull(host)).toBeNull();
    },
  );

  it("agrees with the full list (tldts, ICANN section) on a few hundred hosts of the compact list's countries", () => {
    const hosts = probes();
    expect(hosts.length).toBeGreaterThan(300);
    const disagreements = hosts
      .map((host) => ({ host, compact: splitDomainCompact(host), full: splitDomainFull(host) }))
      .filter((r) => JSON.stringify(r.compact) !== JSON.stringify(r.full));
    expect(disagreements).toEqual([]);
  });

  it("differs from the full list only below the suffixes a partial country leaves out", () => {
    // tokyo.jp is a public suffix the compact list leaves out (jp is partial).
    expect(PARTIAL_TLDS).toContain("jp");
    expect(splitDomainFull("city.tokyo.jp")).toEqual({ registrable: "city.tokyo.jp", suffix: "tokyo.jp" });
    expect(splitDomainCompact("city.tokyo.jp")).toEqual({ registrable: "tokyo.jp", suffix: "jp" });
  });

  it("lists each country's rules sorted (code-point order) and each once", () => {
    for (const [tld, list] of Object.entries(compact.rules)) {
      const rules = list.split(" ");
      // Strictly increasing: sorted, and no rule twice.
      const unsorted = rules.filter((r, i) => i > 0 && !((rules[i - 1] as string) < r));
      expect([tld, unsorted]).toEqual([tld, []]);
    }
  });

  it("writes every rule as the lookup reads it: lower case, '*', '*.name', '!name' or dotted labels", () => {
    // hostLabels lower-cases the host, and buildTables reads only these four shapes.
    const label = "[a-z0-9\u00c0-\uffff](?:[a-z0-9\u00c0-\uffff-]*[a-z0-9\u00c0-\uffff])?";
    const shape = new RegExp(`^(?:\\*|\\*\\.${label}(?:\\.${label})*|!?${label}(?:\\.${label})*)$`);
    for (const [tld, list] of Object.entries(compact.rules)) {
      expect([tld, list.split(" ").filter((r) => !shape.test(r) || r !== r.toLowerCase())]).toEqual([tld, []]);
    }
  });

  it("keeps the compact list small for the on-send bundle", () => {
    expect(JSON.stringify(compact).length).toBeLessThanOrEqual(8 * 1024);
  });

  it("splits 100,000 hosts, each correctly", () => {
    let wrong = 0;
    for (let i = 0; i < 100_000; i++) {
      const split = splitDomainCompact(`user${i}.mail.example${i % 7}.co.uk`);
      if (split?.registrable !== `example${i % 7}.co.uk` || split.suffix !== "co.uk") wrong++;
    }
    expect(wrong).toBe(0);
  });
});

describe("fullServices", () => {
  it("splits by the ICANN section only: private suffixes such as blogspot.com are not public suffixes", () => {
    expect(fullServices.splitDomain("norcot.blogspot.com")).toEqual({ registrable: "blogspot.com", suffix: "com" });
    expect(fullServices.splitDomain("mail.norcot.reading.sch.uk")).toEqual({ registrable: "norcot.reading.sch.uk", suffix: "reading.sch.uk" });
    expect(fullServices.splitDomain("city.kawasaki.jp")).toEqual({ registrable: "city.kawasaki.jp", suffix: "kawasaki.jp" });
  });
});
