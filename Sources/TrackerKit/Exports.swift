// The types a caller of TrackerKit meets, reachable with `import TrackerKit`
// alone: the model (`Plan`, `Action`, `Status`, `MergeOptions`, …), the
// findings (`Diagnostic`, `Severity`, `Outcome`, `SourceLocation`) and the
// output sink (`ByteSink`, `OutputError`).
@_exported public import AtomicOutput
@_exported public import Diagnostics
@_exported public import TrackerModel

// The readers' errors, by the names a caller catches, without exporting
// the format modules themselves.
public import DelimitedFormat
public import XLSXFormat

/// A CSV/TSV file could not be read (see `DelimitedFormat.DelimitedError`).
public typealias DelimitedError = DelimitedFormat.DelimitedError
/// An XLSX file could not be read (see `XLSXFormat.XLSXError`).
public typealias XLSXError = XLSXFormat.XLSXError
