import { maskResidualPersonalData } from "./mask";

describe("maskResidualPersonalData", () => {
  it("reads the Centre's domains as written in the policy: trimmed, any case, blanks ignored, sub-domains included", () => {
    const internal = ["", "  NorcotEarlyYearsCentre.co.uk "];
    expect(maskResidualPersonalData("from A.Jones@NORCOTEARLYYEARSCENTRE.CO.UK", internal)).toBe("from A.Jones@NORCOTEARLYYEARSCENTRE.CO.UK");
    expect(maskResidualPersonalData("cc office@mail.norcotearlyyearscentre.co.uk", internal)).toBe("cc office@mail.norcotearlyyearscentre.co.uk");
    expect(maskResidualPersonalData("cc office@evilnorcotearlyyearscentre.co.uk", internal)).toBe("cc o•••@evilnorcotearlyyearscentre.co.uk");
    expect(maskResidualPersonalData("to jane@gmail.com", [" "])).toBe("to j•••@gmail.com");
  });

  it("masks every outside address and long digit run, and leaves text with neither as it is", () => {
    expect(maskResidualPersonalData("to jane@gmail.com and bob@x.org", [])).toBe("to j•••@gmail.com and b•••@x.org");
    expect(maskResidualPersonalData("ring 07700 900123 or mail a@b.co", [])).toBe("ring ••••• ••••23 or mail a@b.co");
    expect(maskResidualPersonalData("I'm sick and tired — @ once", [])).toBe("I'm sick and tired — @ once");
  });
});
