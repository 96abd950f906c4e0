import Diagnostics
import Testing
import TrackerModel

@Suite("Validation: a large plan checked on several threads")
struct ValidationThreadsTests {
  /// A plan past the threshold, its statuses, notes, leads, due dates and
  /// keys varied so that action rules have findings in many chunks and plan
  /// rules (repeated refs, near-identical lead names) have findings too.
  static func largePlan() -> Plan {
    var b = PlanBuilder()
    let ratings = ["R", "A", "G", "B", "G/A", "", "Complete", "X"]
    for n in 0..<(Validator.parallelThreshold + 1_500) {
      let statuses = (0..<4).map { ratings[(n * 7 + $0 * 3 + n / 5) % ratings.count] }
      let notes = n % 3 == 0 ? ["Apr 2021: reviewed"] : n % 5 == 0 ? ["Jan 2023: later than today"] : []
      let key = n % 500 == 499 ? "1.1A" : "\(n / 26 + 1).1\(Character(UnicodeScalar(65 + n % 26)!))"
      b.action(
        key, row: n + 7, statuses, notes: notes,
        evidence: n % 4 == 0 ? [] : ["Minutes"], leads: n % 6 == 0 ? [] : [n % 1000 == 1 ? "Jo Blogs" : "Jo Bloggs"],
        due: n % 9 == 0 ? DateValue(year: 2021, month: 3) : nil)
    }
    return b.plan
  }

  @Test func theFindingsAreThoseOfOneThreadInTheSameOrder() {
    let plan = Self.largePlan()
    var single = ValidationOptions(today: CivilDate(year: 2022, month: 6, day: 1))
    single.allowsThreads = false
    let threaded = ValidationOptions(today: CivilDate(year: 2022, month: 6, day: 1))
    let one = Validator.validate(plan, options: single)
    let many = Validator.validate(plan, options: threaded)
    #expect(one.count > plan.actions.count)
    let codes = Set(one.map(\.code))
    #expect(codes.count >= 6)
    #expect(codes.contains("ref.duplicate") && codes.contains("lead.similar_names"), "\(codes.sorted())")
    #expect(one == many)
  }
}
