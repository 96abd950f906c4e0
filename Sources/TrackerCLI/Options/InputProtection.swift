import ArgumentParser
import TrackerKit

/// The one check every command makes before it reads or writes anything:
/// no output may be one of its inputs. Files are compared by device and
/// inode (`FileProbe.sameFile`), so a symbolic link, a hard link or another
/// spelling of the path is caught too; a folder output is checked file by
/// file, through the names the command would write in it.
enum InputProtection {
  /// Refuses `output` (as given with `flag`, e.g. `-o`, `--report`,
  /// `--annotate`) when it is one of `inputs`. Standard output (`-`) and no
  /// output pass.
  ///
  /// - Throws: `ValidationError` (exit 64) naming both paths.
  static func check(_ output: String?, flag: String, inputs: [String]) throws {
    guard let output, output != "-" else { return }
    if let input = inputs.first(where: { FileProbe.sameFile($0, output) }) {
      let same = input == output ? "" : " (the same file)"
      throw ValidationError(
        "\(flag) \(output) is the input \(input)\(same); wsoa never overwrites its inputs. Choose another output.")
    }
  }
}
