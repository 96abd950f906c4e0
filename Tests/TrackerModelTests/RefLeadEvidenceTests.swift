import Testing
@testable import TrackerModel

@Suite struct RefLeadEvidenceTests {
  @Test func focusCells() throws {
    let a = try #require(RefParser.focus(SeedCells["A8"]))
    #expect(a.ref == "1.2" && a.rawRef == "Ref -1.2" && a.isVariant)
    #expect(a.title == "United vision and strategic planning to drive improvement")
    let b = try #require(RefParser.focus(SeedCells["A12"]))
    #expect(b.ref == "4" && !b.isVariant && b.title.hasPrefix("EHC plans are effective"))
    #expect(RefParser.focus("Roles and responsibilities") == nil)
  }

  @Test func actionCellsOnlyAtStart() {
    let c = RefParser.action(SeedCells["B8"])
    #expect(c.letter == "C")
    #expect(c.text.hasPrefix("Co-produce a SEND Strategy that includes: i. Defined"))
    #expect(RefParser.action("3) numbered").number == 3)
    #expect(RefParser.action("No letter here").letter == nil)
  }

  @Test(arguments: [("4.2 b", "4.2B"), ("3.2(b)", "3.2B"), ("6e", "6E"), ("3.4-D", "3.4D"), ("Ref 5.3d", "5.3D"),
    ("3.1F", "3.1F"), ("3.01.02", "3.01.02"), ("Action 1.1", "1.1"), ("A2", "A2")])
  func refCells(raw: String, key: String) {
    #expect(RefParser.ref(raw)?.key == key)
  }

  @Test func areaLabels() {
    #expect(RefParser.area("Priority 2: Aspirations")?.id == "2")
    #expect(RefParser.area("ASW 1")?.id == "1")
    #expect(RefParser.area("Work stream One")?.id == "1")
    #expect(RefParser.area("Section A - Strategy")?.id == "A")
    #expect(RefParser.area("A. Strategy", requireKeyword: false)?.id == "A")
    #expect(RefParser.area("Aspirations are high") == nil)
  }

  @Test func leads() {
    let leads = LeadSplitter.split(SeedCells["C7"])
    #expect(leads.map(\.name) == ["Tim Moss", "Lynn Tolley"])
    #expect(leads.map(\.kind) == [.person, .person])
    #expect(LeadSplitter.split("SCM SEND").map(\.kind) == [.role])
    #expect(LeadSplitter.split("Head od SEND/ Dorne Collinson").map(\.name) == ["Head od SEND", "Dorne Collinson"])
    #expect(LeadSplitter.split("TBC").isEmpty)
    #expect(LeadSplitter.split("A Smith and B Jones; C Brown").count == 3)
  }

  @Test(arguments: [
    ("Tim Moss", Lead.Kind.person), ("J Smith", .person), ("Zoë Brontë", .person), ("Émile Zola", .person),
    ("ÉLODIE MARTIN", .role), ("SCM SEND", .role), ("Head of SEND", .role), ("HEAD of Inclusion", .role),
    ("SEND Partnership Board", .org), ("Ofsted Sub Group", .org), ("Strategic Lead SEND", .role), ("élodie martin", .role),
  ])
  func leadKindsInAnyScript(name: String, kind: Lead.Kind) {
    #expect(LeadSplitter.kind(of: name) == kind)
  }

  @Test func seedEvidence() {
    let j7 = EvidenceSplitter.split(SeedCells["J7"])
    #expect(j7.items.map(\.number) == [1, 2, 3])
    #expect(j7.items.map(\.text) == ["Written Statement of Action (WSoA) (monitoring report)", "WSoA Presentation (SIPG)", "SEND"])
    #expect(j7.items[0].raw == "1. Written Statement of Action (WSoA) (monitoring report)")
    let j14 = EvidenceSplitter.split(SeedCells["J14"])
    #expect(j14.items.map(\.text) == ["Positive Practice eg (Transitions)"])
    #expect(j14.emptyNumbers == [2])
    #expect(EvidenceSplitter.split(SeedCells["J12"]).isAsAbove)
    #expect(EvidenceSplitter.split(SeedCells["J8"]).items.map(\.text) == ["SEND Strategy", "SEND IPG Mins", "SEND SEF"])
    #expect(EvidenceSplitter.split("Doc A; Doc B (E12)").items.map(\.ref) == [nil, "E12"])
    #expect(EvidenceSplitter.split("Report for 2021. Next year too").items.count == 1)
  }

  @Test func evidenceItemsAreCollapsedEvenWhenAnEntityDecodesToWhitespace() {
    // Markup leaves single spaces only, except where an entity decodes to a
    // tab or a no-break space: those items are still collapsed.
    let tabs = EvidenceSplitter.split("<p>1. Audit&#9;&#9;report</p><p>2. Panel&#160; &#160;minutes</p>")
    #expect(tabs.items.map(\.text) == ["Audit report", "Panel minutes"])
    #expect(tabs.items.map(\.raw) == ["1. Audit&#9;&#9;report", "2. Panel&#160; &#160;minutes"])
    let plain = EvidenceSplitter.split("<p>1. Audit   report </p> <p>2.  Panel minutes</p>")
    #expect(plain.items.map(\.text) == ["Audit report", "Panel minutes"])
  }

  @Test func crossReferences() {
    #expect(CrossRefFinder.find(in: "Feb 2021: See [4a above]").map(\.targetKey) == ["4A"])
    #expect(CrossRefFinder.find(in: "SEE 6E").map(\.targetKey) == ["6E"])
    #expect(CrossRefFinder.find(in: "see 4.2 for more").map(\.targetKey) == ["4.2"])
    #expect(CrossRefFinder.find(in: "Completed (See SEND Strategy)").isEmpty)
    #expect(CrossRefFinder.find(in: "see 4 above").map(\.targetKey) == ["4"])
  }

  @Test func jsonDatesAreISOWithPrecision() throws {
    let value = DateValue(year: 2024, month: 10, precision: .quarter)
    #expect(DateValue(iso: value.description, precision: .quarter) == value)
    #expect(CivilDate(iso: "2021-02-29") == nil)
    #expect(CivilDate(iso: "2020-02-29") == CivilDate(year: 2020, month: 2, day: 29))
  }
}
