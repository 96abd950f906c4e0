import Diagnostics

/// The plan-level parts of a merged tracker besides periods and actions.
enum MergeAssembly {
  /// Adds the focus areas and priorities that new actions sit under and the
  /// master lacks (taken from the return that has them).
  static func addOutline(to plan: inout Plan, from returns: [ReturnContext]) {
    var focusRefs = Set(plan.focusAreas.map { "\($0.priorityId ?? "")\u{1F}\($0.ref)" })
    var priorityIds = Set(plan.priorities.map(\.id))
    // What the actions sit under, gathered only if a return has an area or
    // priority the master lacks (returns usually copy the master's outline).
    var needed: Set<String>?
    var neededPriorities: Set<String>?
    for ret in returns {
      for area in ret.input.plan.focusAreas {
        let key = "\(area.priorityId ?? "")\u{1F}\(area.ref)"
        guard !focusRefs.contains(key) else { continue }
        if needed == nil {
          needed = Set(plan.actions.compactMap { action in action.focusRef.map { "\(action.priorityId ?? "")\u{1F}\($0)" } })
        }
        if needed?.contains(key) == true, focusRefs.insert(key).inserted { plan.focusAreas.append(area) }
      }
      for priority in ret.input.plan.priorities where !priorityIds.contains(priority.id) {
        if neededPriorities == nil { neededPriorities = Set(plan.actions.compactMap(\.priorityId)) }
        if neededPriorities?.contains(priority.id) == true, priorityIds.insert(priority.id).inserted {
          plan.priorities.append(priority)
        }
      }
    }
  }

  /// Records the master and each applied return in `sources` (each once, so
  /// re-merging a return adds nothing).
  static func addSources(to plan: inout Plan, master: MergeInput, returns: [ReturnContext]) {
    if plan.sources.isEmpty { plan.sources = [SourceFile(path: master.file, role: .master)] }
    recordHash(of: master, in: &plan.sources)
    var seen = Set(plan.sources)
    for ret in returns {
      var files = ret.input.plan.sources
      if files.isEmpty { files = [SourceFile(path: ret.input.file)] }
      recordHash(of: ret.input, in: &files)
      for var file in files {
        file.role = .return
        file.subGroup = ret.input.subGroup
        if seen.insert(file).inserted { plan.sources.append(file) }
      }
    }
  }

  /// Puts an input's SHA-256, when known, on its own source record (not on
  /// the files a `wsoa/1` input says it was made from).
  private static func recordHash(of input: MergeInput, in sources: inout [SourceFile]) {
    guard let hash = input.sha256 else { return }
    for i in sources.indices where sources[i].path == input.file { sources[i].sha256 = hash }
  }
}
