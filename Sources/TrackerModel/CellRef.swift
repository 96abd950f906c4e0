public import Diagnostics

/// Where a tracker value came from: a cell of a sheet of a file.
///
/// Encoded in JSON as `{"file": "...", "sheet": "Priority 2", "cell": "H9"}`
/// (plus `"line"` for CSV/TSV sources).
public typealias CellRef = SourceLocation
