import ArgumentParser
import TrackerKit

/// `--to`: the output format.
enum OutputFormatChoice: String, ExpressibleByArgument, CaseIterable {
  case csv, tsv, json, xlsx

  /// The façade's format.
  var format: GridOutputFormat {
    switch self {
    case .csv: .csv
    case .tsv: .tsv
    case .json: .json
    case .xlsx: .xlsx
    }
  }
}
