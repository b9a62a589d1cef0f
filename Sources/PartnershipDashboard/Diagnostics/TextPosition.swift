// Where in a file a problem is: lines and columns, counted in characters.

/// A line and column in a text file, both counted from 1; line 0 means "not from a file".
struct TextPosition: Hashable, Comparable, Sendable {
    let line: Int
    let column: Int

    static let none = TextPosition(line: 0, column: 0)

    static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Turns byte offsets into lines and columns; built once per file, used only when reporting.
struct LineMap: Sendable {
    private let bytes: [UInt8]
    private let lineStarts: [Int]
    /// How many characters (UTF-8 sequences) start before each multiple of ``stride`` bytes, so a
    /// column is found by scanning at most ``stride`` bytes: every message's position costs the
    /// same, however long its line (a 1 MB file on one line is checked in linear time).
    private let charactersBefore: [Int]
    private static let stride = 256

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var before = [0]
        var characters = 0
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A { starts.append(index + 1) }
            if byte & 0xC0 != 0x80 { characters += 1 }
            if (index + 1) % LineMap.stride == 0 { before.append(characters) }
        }
        lineStarts = starts
        charactersBefore = before
    }

    /// How many characters start before `offset`.
    private func characters(before offset: Int) -> Int {
        let checkpoint = offset / LineMap.stride
        var count = charactersBefore[min(checkpoint, charactersBefore.count - 1)]
        var index = min(checkpoint, charactersBefore.count - 1) * LineMap.stride
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// The position of a line (from 1) and a byte column in it (from 1), in characters.
    func position(line: Int, byteColumn: Int) -> TextPosition {
        guard line >= 1, line <= lineStarts.count else { return TextPosition(line: max(1, line), column: byteColumn) }
        return position(of: lineStarts[line - 1] + byteColumn - 1)
    }

    /// The line and column (in characters) of a byte offset; ``TextPosition/none`` for -1.
    func position(of offset: Int) -> TextPosition {
        guard offset >= 0 else { return .none }
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let end = min(offset, bytes.count)
        let start = min(lineStarts[low], end)
        return TextPosition(line: low + 1, column: characters(before: end) - characters(before: start) + 1)
    }
}
