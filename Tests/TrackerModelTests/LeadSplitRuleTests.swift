import TestSupport
import Testing
import TrackerModel

/// Lead cells split only where councils separate people: `/`, `;`, line
/// breaks, and ` and ` / `&` / `+` only between two people's names. Role
/// titles with a conjunction inside stay one lead. Proved on generated role
/// titles and name pairs, not on one spelling.
@Suite struct LeadSplitRuleTests {
  static let givenNames = [
    "Tim", "Lynn", "Sarah", "Mohammed", "Aisha", "Dorne", "Grace", "Owen", "Priya", "Siobhan", "Chloe", "Tomasz",
    "Femi", "Gareth", "Ruth", "Jo", "Karen", "Dev", "Zoë", "Émile", "Niamh", "Raj", "Helen", "Andy", "J",
  ]
  static let surnames = [
    "Moss", "Tolley", "Collinson", "Mbeki", "Pryce", "Patel", "O'Neill", "Nowak", "Adeyemi", "Hughes", "Khan", "Smith",
    "Brontë", "Zola", "McBride", "Evans-Jones", "Okafor", "Lee", "Ng", "Wright", "Doyle", "Kaur", "Field",
  ]
  /// Services, subjects and client groups joined by a conjunction in job
  /// titles and team names.
  static let pairs = [
    ("Speech", "Language"), ("SEN", "Disability"), ("SEND", "Inclusion"), ("Early Years", "Childcare"),
    ("Youth Justice", "Early Help"), ("Children", "Families"), ("Health", "Wellbeing"), ("Education", "Skills"),
    ("Quality", "Assurance"), ("Performance", "Data"), ("Participation", "Engagement"), ("Transport", "Travel"),
    ("Commissioning", "Contracts"), ("Information", "Advice"), ("Parent", "Carer"), ("Strategy", "Policy"),
    ("Occupational", "Physiotherapy"), ("Autism", "Neurodevelopmental"), ("Post-16", "Transition"),
    ("Sufficiency", "Capital"), ("Admissions", "Attendance"), ("Safeguarding", "Social Care"),
    ("Emotional", "Mental Health"), ("Preparing for Adulthood", "Employment"), ("Hearing", "Vision"),
  ]
  static let titles = [
    "Manager", "Lead", "Team Manager", "Service Manager", "Therapy Manager", "Officer", "Coordinator",
    "Strategic Lead", "Commissioner", "Team", "Service", "Head of", "Assistant Director", "Principal Officer",
    "Programme Lead", "Development Officer", "Sub Group", "Partnership Board", "Designated Clinical Officer",
  ]
  static let conjunctions = [" and ", " & ", " And ", " AND ", "&", " + "]

  /// "Speech and Language Therapy Manager", "Head of SEN & Disability",
  /// "Youth Justice and Early Help Service"…
  static func roleTitles() -> [String] {
    var out: [String] = []
    for (a, b) in pairs {
      for title in titles {
        for conjunction in conjunctions {
          out.append(title == "Head of" || title == "Assistant Director" ? "\(title) \(a)\(conjunction)\(b)" : "\(a)\(conjunction)\(b) \(title)")
        }
      }
    }
    return out
  }

  @Test func roleTitlesWithAConjunctionStayOneLead() {
    let titles = Self.roleTitles()
    #expect(titles.count > 2000)
    var wrong: [String] = []
    for title in titles {
      let reading = LeadSplitter.read(title)
      if reading.leads.map(\.name) != [title.collapsedForTest] || !reading.conjunctionSplits.isEmpty { wrong.append(title) }
    }
    #expect(wrong.isEmpty, "split: \(wrong.prefix(10))… (\(wrong.count) of \(titles.count))")
  }

  @Test func twoPeopleJoinedByAConjunctionAreTwoLeadsAndTheSplitIsReported() {
    var rng = SeededRandom(seed: 8)
    for _ in 0..<2_000 {
      let first = Self.name(&rng)
      var second = Self.name(&rng)
      while second == first { second = Self.name(&rng) }
      let conjunction = Self.conjunctions[rng.below(Self.conjunctions.count)]
      let reading = LeadSplitter.read(first + conjunction + second)
      #expect(reading.leads.map(\.name) == [first, second], "\(first + conjunction + second)")
      #expect(reading.conjunctionSplits.map(\.before) == [first])
      #expect(reading.conjunctionSplits.map(\.after) == [second])
    }
  }

  @Test func peopleAndRolesMixedAcrossSeparators() {
    var rng = SeededRandom(seed: 9)
    let roles = Self.roleTitles()
    for _ in 0..<2_000 {
      // Hard separators always split, whatever the parts look like.
      let parts = (0..<(2 + rng.below(3))).map { _ in rng.below(2) == 0 ? Self.name(&rng) : roles[rng.below(roles.count)] }
      let separator = ["/", " / ", "; ", ";", "\n", "<br>"][rng.below(6)]
      let reading = LeadSplitter.read(parts.joined(separator: separator))
      #expect(reading.leads.map(\.name) == parts.map(\.collapsedForTest), "\(parts.joined(separator: separator))")
      // A name joined to a role by a conjunction is one lead (the role may name the person's team).
      let name = Self.name(&rng)
      let role = roles[rng.below(roles.count)]
      #expect(LeadSplitter.read("\(name) and \(role)").leads.count == 1)
      #expect(LeadSplitter.read("\(role) & \(name)").leads.count == 1)
    }
  }

  @Test func threeNamesSplitTwice() {
    let reading = LeadSplitter.read("Tim Moss, Lynn Tolley and Priya Patel and Owen Pryce")
    #expect(reading.leads.map(\.name) == ["Tim Moss, Lynn Tolley and Priya Patel", "Owen Pryce"]
      || reading.leads.map(\.name) == ["Tim Moss, Lynn Tolley", "Priya Patel", "Owen Pryce"])
    #expect(LeadSplitter.read("Lynn Tolley and Priya Patel & Owen Pryce").leads.map(\.name) == ["Lynn Tolley", "Priya Patel", "Owen Pryce"])
  }

  private static func name(_ rng: inout SeededRandom) -> String {
    var parts = [givenNames[rng.below(givenNames.count)]]
    if rng.below(5) == 0 { parts.insert(["Dr", "Mrs", "Mr", "Ms", "Cllr"][rng.below(5)], at: 0) }
    parts.append(surnames[rng.below(surnames.count)])
    return parts.joined(separator: " ")
  }
}

extension String {
  /// Spaces collapsed and trimmed, as a lead's name is.
  fileprivate var collapsedForTest: String {
    split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
  }
}
