public import AtomicOutput
public import Grid
import DelimitedFormat
import Diagnostics

/// Streams a grid as JSON (`wsoa dump --to json`), one row per line:
///
/// ```json
/// {
///   "file": "returns.csv",
///   "sheets": [
///     {
///       "name": "returns",
///       "rows": [
///         {"row": 1, "line": 1, "cells": ["Ref", "Status"]},
///         {"row": 2, "line": 2, "cells": ["1.1", null]}
///       ]
///     }
///   ],
///   "input": {"format": "delimited", "encoding": "utf-8", "delimiter": "comma"}
/// }
/// ```
///
/// Cells are dense arrays from column A: text as a string, a number as a
/// number, a boolean as `true`/`false`, empty as `null`, a date as
/// `{"date": "2021-04-01", "serial": 44287}`, an error as `{"error": "#N/A"}`.
/// A row has `line` only for CSV/TSV, `hidden` only when hidden; a sheet has
/// `visibility`, `merged` and `hiddenColumns` only when they say something.
/// Call `finish(report:)` after the last sheet.
public struct GridJSONWriter: RowConsumer {
  private let json: JSONTextWriter
  private var sheets = 0
  private var rowsInSheet = 0

  /// Starts the document for the input `file`.
  public init(sink: ByteSink, file: String) {
    json = JSONTextWriter(sink: sink)
    json.raw("{\n  \"file\": ")
    json.string(file)
    json.raw(",\n  \"sheets\": [")
  }

  /// Opens a sheet object and its `rows` array.
  public mutating func beginSheet(_ sheet: Sheet) {
    json.raw(sheets == 0 ? "\n    {\n      \"name\": " : ",\n    {\n      \"name\": ")
    json.string(sheet.name)
    if sheet.visibility != .visible {
      json.raw(",\n      \"visibility\": ")
      json.string(sheet.visibility.rawValue)
    }
    json.raw(",\n      \"rows\": [")
    sheets += 1
    rowsInSheet = 0
  }

  /// Writes one row object on its own line.
  public mutating func consume(_ row: Row) {
    json.raw(rowsInSheet == 0 ? "\n        {\"row\": " : ",\n        {\"row\": ")
    rowsInSheet += 1
    json.integer(row.number)
    if let line = row.line {
      json.raw(", \"line\": ")
      json.integer(line)
    }
    if row.isHidden { json.raw(", \"hidden\": true") }
    json.raw(", \"cells\": [")
    var column = 1
    for cell in row.cells where cell.column >= column {
      while column < cell.column {
        json.raw(column == 1 ? "null" : ", null")
        column += 1
      }
      if column > 1 { json.raw(", ") }
      value(cell.value)
      column += 1
    }
    json.raw("]}")
  }

  /// Closes the rows and writes what is known only at the end of a sheet.
  public mutating func endSheet(_ sheet: Sheet) {
    json.raw(rowsInSheet == 0 ? "]" : "\n      ]")
    if !sheet.mergedRanges.isEmpty {
      json.raw(",\n      \"merged\": [")
      for (i, range) in sheet.mergedRanges.enumerated() {
        if i > 0 { json.raw(", ") }
        json.string(range.a1)
      }
      json.raw("]")
    }
    if !sheet.hiddenColumns.isEmpty {
      json.raw(",\n      \"hiddenColumns\": [")
      for (i, column) in sheet.hiddenColumns.sorted().enumerated() {
        if i > 0 { json.raw(", ") }
        json.integer(column)
      }
      json.raw("]")
    }
    json.raw("\n    }")
  }

  /// Closes the document, describing how the input was read.
  public func finish(report: GridReadReport) {
    json.raw(sheets == 0 ? "],\n  \"input\": {\"format\": " : "\n  ],\n  \"input\": {\"format\": ")
    json.string(report.format.rawValue)
    if let delimited = report.delimited {
      json.raw(", \"encoding\": ")
      json.string(delimited.encoding.rawValue)
      json.raw(", \"delimiter\": ")
      json.string(delimited.delimiter.rawValue)
    }
    json.raw("}\n}\n")
  }

  private func value(_ value: CellValue) {
    switch value {
    case .empty: json.raw("null")
    case .text(let text): json.string(text)
    case .number(let number): json.number(number, shortest: CellValue.format(number: number))
    case .bool(let flag): json.raw(flag ? "true" : "false")
    case .date(let date):
      json.raw("{\"date\": ")
      json.string(date.isoText)
      if let serial = date.serial {
        json.raw(", \"serial\": ")
        json.number(serial, shortest: CellValue.format(number: serial))
      }
      json.raw("}")
    case .error(let error):
      json.raw("{\"error\": ")
      json.string(error.code)
      json.raw("}")
    }
  }
}
