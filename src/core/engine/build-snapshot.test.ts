import { buildSnapshot } from "./build-snapshot";
import { parseDraft } from "../draft/parse-draft";
import { defaultOrganisation } from "../policy/default-organisation";

describe("buildSnapshot: recipients", () => {
  it("classifies each recipient and keeps a name and type only when the draft gives them", () => {
    const draft = parseDraft({
      subject: "Trip",
      body: "Hello",
      to: [{ email: "  B.Smith@NorcotEarlyYearsCentre.co.uk ", name: "Ben Smith", type: "user" }, { email: "office@schools.reading.gov.uk" }],
      cc: [{ email: "jane.parent@gmail.com", type: "externalUser" }],
      bcc: [{ email: "someone@evilnorcotearlyyearscentre.co.uk", name: "Someone" }],
    });
    expect(buildSnapshot(draft, defaultOrganisation).recipients).toStrictEqual([
      { email: "b.smith@norcotearlyyearscentre.co.uk", field: "to", domain: "norcotearlyyearscentre.co.uk", internal: true, trusted: false, external: false, name: "Ben Smith", type: "user" },
      { email: "office@schools.reading.gov.uk", field: "to", domain: "schools.reading.gov.uk", internal: false, trusted: true, external: false },
      { email: "jane.parent@gmail.com", field: "cc", domain: "gmail.com", internal: false, trusted: false, external: true, type: "externalUser" },
      { email: "someone@evilnorcotearlyyearscentre.co.uk", field: "bcc", domain: "evilnorcotearlyyearscentre.co.uk", internal: false, trusted: false, external: true, name: "Someone" },
    ]);
  });
});
