public import Diagnostics
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
public import TrackerModel
import ByteScan

/// The merge façade the CLI calls: load the master and every return into
/// the canonical model, find each return's sub-group, merge, and write.
///
/// ```swift
/// let run = try MergeRunner.merge(MergeJob(master: "master.tsv", returns: ["ehcp.tsv", "gr.csv"]))
/// try MergeRunner.write(run, to: "merged.xlsx", format: .xlsx)
/// run.result.summary.conflicts
/// ```
public enum MergeRunner {
  /// A finished merge, ready to write.
  public struct Run: Sendable {
    /// The merge itself.
    public var result: MergeResult
    /// The master and returns as merged (returns with their sub-groups).
    public var master: MergeInput
    /// The returns with their sub-groups, in command-line order.
    public var returns: [MergeInput]
    /// Error-level problems met while reading the inputs (shown, not fatal).
    public var loadDiagnostics: [Diagnostic]
    /// The returns that could not be read (missing or unreadable), left out
    /// of the merge while the others were merged.
    public var unreadReturns: [MergeRunError] = []
  }

  /// Loads every input and merges. A return that cannot be read is left out
  /// (`Run.unreadReturns`) and the others are merged.
  ///
  /// - Parameter loading: called with each input's name before it is read
  ///   (for progress).
  /// - Throws: `MergeRunError.missing`, `.unreadable` for the master, or for
  ///   the first return when none can be read; `.usage` when `--sub-group`
  ///   values do not fit the returns.
  public static func merge(_ job: MergeJob, loading: (String) -> Void = { _ in }) throws(MergeRunError) -> Run {
    let flags: MergeSubGroupFlags
    do {
      flags = try MergeSubGroupFlags(job.subGroupFlags, returns: job.returns)
    } catch {
      throw .usage(error.description)
    }
    let (master, masterHash) = try loadAndHash(job.master, job, announce: loading)
    var loadDiagnostics = shownWhileMerging(master.diagnostics)
    var returns: [MergeInput] = []
    var returnFindings: [(file: String, findings: [Diagnostic])] = []
    var unread: [MergeRunError] = []
    let aliases = job.options.subGroupAliases
    let known = SubGroupName.known(in: master.value, extra: aliases)
    for file in job.returns {
      let loaded: Outcome<Plan>
      let hash: String?
      do {
        (loaded, hash) = try loadAndHash(file, job, announce: loading)
      } catch {
        unread.append(error)
        continue
      }
      let name = displayName(file, job)
      returnFindings.append((name, shownWhileMerging(loaded.diagnostics)))
      let input = MergeInput(
        plan: loaded.value, file: name, receivedAt: MergeReceivedDate.fromFileName(name), sha256: hash)
      returns.append(SubGroupName.resolve(input, flag: flags.byFile[file], known: known, extra: aliases))
    }
    if returns.isEmpty, let first = unread.first { throw first }
    let masterInput = MergeInput(plan: master.value, file: displayName(job.master, job), sha256: masterHash)
    var result = PlanMerger.merge(master: masterInput, returns: returns, options: job.options)
    result.diagnostics = job.policy.apply(to: result.diagnostics)
    // Reading findings once per applied return: a return given twice is
    // reported as `merge.duplicate_return`, not read twice over.
    let applied = Set(result.returns.filter { !$0.skipped }.map(\.file))
    var seen = Set(loadDiagnostics)
    for (file, findings) in returnFindings where applied.contains(file) {
      loadDiagnostics += findings.filter { seen.insert($0).inserted }
    }
    // The new merge log replaces an earlier one (a merged workbook as master).
    result.plan.unparsed.removeAll(where: MergeLogSheet.isEarlierLog)
    return Run(
      result: result, master: masterInput, returns: returns, loadDiagnostics: loadDiagnostics, unreadReturns: unread)
  }

  /// The findings of reading an input that a merge shows: its errors, and
  /// every finding of the file readers (`csv.*`, `xlsx.*`: a sheet skipped,
  /// an encoding guessed), so an officer learns what of a return was not read
  /// as written. The recogniser's notes on the layout are `validate`'s to show.
  static func shownWhileMerging(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.filter { $0.severity == .error || RuleCatalogue.info($0.code)?.source == .format }
  }

  /// Announces an input (`announce`, the caller's progress line), reads it
  /// and hashes its bytes, refusing a file that changed in between (a
  /// sub-group saving its return during the merge): the SHA-256 a merge
  /// reports, and tells repeated returns apart by, is of the bytes it merged.
  static func loadAndHash(_ file: String, _ job: MergeJob, announce: (String) -> Void) throws(MergeRunError)
    -> (Outcome<Plan>, String?)
  {
    let before = file == "-" ? nil : FileProbe.version(file)
    announce(displayName(file, job))
    // Standard input is hashed from the bytes read; a file beside its reading.
    let fromStandardInput = file == "-" ? standardInputHash(job) : nil
    let hashing = fromStandardInput == nil ? InputHash(file) : nil
    let loaded: Outcome<Plan>
    do {
      loaded = try load(file, job)
    } catch {
      hashing?.cancel()
      throw error
    }
    let hash = hashing?.value() ?? fromStandardInput
    if let before, FileProbe.version(file) != before {
      throw .unreadable(file: file, reason: "the file changed while it was being read; run again once it is saved")
    }
    return (loaded, hash)
  }

  /// The SHA-256 of standard input's bytes as read. An input's hash is what
  /// makes a return given twice under two names (or links) one return.
  static func standardInputHash(_ job: MergeJob) -> String? {
    if case .bytes(let bytes)? = job.standardInput?.content { return SHA256.hex(bytes) }
    return nil
  }

  /// How an input is named in the merge: `<stdin>` for `-`.
  static func displayName(_ file: String, _ job: MergeJob) -> String {
    file == "-" ? job.standardInput?.name ?? file : file
  }

  /// Reads one tracker file (or, for `-`, the job's standard input) into
  /// the canonical model (`TrackerLoader`, with the job's `--from` and `--delimiter`). A
  /// file with no action table at all (`layout.no_header`) is unreadable:
  /// merging it would only report every action as not updated.
  static func load(_ path: String, _ job: MergeJob) throws(MergeRunError) -> Outcome<Plan> {
    let source = path == "-" ? job.standardInput : nil
    let path = source?.name ?? path
    do {
      let outcome = job.config.applied(
        to: try TrackerLoader.load(source ?? .file(path), options: job.config.loadOptions(job.load)), policy: job.policy)
      if outcome.value.actions.isEmpty, let problem = outcome.diagnostics.first(where: { $0.code == "layout.no_header" }) {
        throw MergeRunError.unreadable(file: path, reason: "\(problem.location.map { "\($0)" } ?? path): \(problem.message)")
      }
      return outcome
    } catch let error as MergeRunError {
      throw error
    } catch {
      if TrackerLoader.isMissingInput(error) || (source == nil && !FileManager.default.fileExists(atPath: path)) {
        throw .missing(file: path)
      }
      throw .unreadable(file: path, reason: String(describing: error))
    }
  }
}
