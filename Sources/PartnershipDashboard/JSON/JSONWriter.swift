// Writes JSON deterministically: keys sorted, two-space indent, numbers in their shortest form.

/// Writes ``JSONNode``s as text that is identical for identical input.
package enum JSONWriter {
    package static func write(_ node: JSONNode) -> String { String(decoding: bytes(node), as: UTF8.self) }

    /// The same text as ``write(_:)``, as UTF-8 bytes, for a file: no check of text already known to be UTF-8.
    static func bytes(_ node: JSONNode) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(node, indent: 0, into: &output, concurrently: true)
        output.append(0x0A)
        return output
    }

    /// `node` as it is written nested `depth` levels deep in a larger document, without the final
    /// line break: a part made on its own (one area's figures, say) to be put in with ``object(_:depth:)``.
    static func bytes(_ node: JSONNode, depth: Int) -> [UInt8] {
        var output: [UInt8] = []
        write(node, indent: depth, into: &output, concurrently: false)
        return output
    }

    /// An array of items each written with ``bytes(_:depth:)`` at `depth + 1`: the same bytes as
    /// writing the array whole at `depth`.
    static func array(_ items: [[UInt8]], depth: Int) -> [UInt8] {
        guard !items.isEmpty else { return [0x5B, 0x5D] }
        var output: [UInt8] = [0x5B]
        for (index, item) in items.enumerated() {
            newline(depth + 1, &output)
            output.append(contentsOf: item)
            if index < items.count - 1 { output.append(0x2C) }
        }
        newline(depth, &output)
        output.append(0x5D)
        return output
    }

    /// An object whose values were each written at `depth + 1` (with ``bytes(_:depth:)`` or
    /// ``array(_:depth:)``), keys sorted as ``write(_:)`` sorts them; at depth 0 it is a whole
    /// document, with its final line break.
    static func object(_ members: [(key: String, value: [UInt8])], depth: Int) -> [UInt8] {
        var output: [UInt8] = [0x7B]
        let sorted = members.sorted { $0.key < $1.key }
        for (index, member) in sorted.enumerated() {
            newline(depth + 1, &output)
            appendQuoted(member.key, to: &output)
            output.append(contentsOf: [0x3A, 0x20])
            output.append(contentsOf: member.value)
            if index < sorted.count - 1 { output.append(0x2C) }
        }
        if sorted.isEmpty {
            output.append(0x7D)
        } else {
            newline(depth, &output)
            output.append(0x7D)
        }
        if depth == 0 { output.append(0x0A) }
        return output
    }

    /// Arrays at least this long (every council's figures, say) have their items written by every
    /// core at once, each item on its own, then joined in order: the same bytes, sooner.
    private static let concurrentItems = 64

    private static func newline(_ indent: Int, _ output: inout [UInt8]) {
        output.append(0x0A)
        output.append(contentsOf: repeatElement(0x20, count: indent * 2))
    }

    private static func write(_ node: JSONNode, indent: Int, into output: inout [UInt8], concurrently: Bool) {
        switch node.value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let value, _): output.append(contentsOf: JSONNode.literal(for: value).utf8)
        case .string(let text): appendQuoted(text, to: &output)
        case .array(let items):
            if items.isEmpty {
                output.append(contentsOf: [0x5B, 0x5D])
                return
            }
            if concurrently, items.count >= concurrentItems {
                output.append(contentsOf: array(items.concurrentMap { bytes($0, depth: indent + 1) }, depth: indent))
                return
            }
            output.append(0x5B)
            for (index, item) in items.enumerated() {
                newline(indent + 1, &output)
                write(item, indent: indent + 1, into: &output, concurrently: concurrently)
                if index < items.count - 1 { output.append(0x2C) }
            }
            newline(indent, &output)
            output.append(0x5D)
        case .object(let members):
            if members.isEmpty {
                output.append(contentsOf: [0x7B, 0x7D])
                return
            }
            output.append(0x7B)
            // Objects made with `JSONNode.object` arrive sorted; only others are sorted here.
            let inOrder = zip(members, members.dropFirst()).allSatisfy { $0.key <= $1.key }
            let sorted = inOrder ? members : members.sorted { $0.key < $1.key }
            for (index, member) in sorted.enumerated() {
                newline(indent + 1, &output)
                appendQuoted(member.key, to: &output)
                output.append(contentsOf: [0x3A, 0x20])
                write(member.value, indent: indent + 1, into: &output, concurrently: concurrently)
                if index < sorted.count - 1 { output.append(0x2C) }
            }
            newline(indent, &output)
            output.append(0x7D)
        }
    }

    /// A JSON string literal; `<`, `>` and `&` are escaped so the text is also safe inside HTML.
    static func quoted(_ text: String) -> String {
        var output: [UInt8] = []
        appendQuoted(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied whole.
            var run = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let escape: [UInt8]
                var width = 1
                switch byte {
                case 0x22: escape = [0x5C, 0x22]
                case 0x5C: escape = [0x5C, 0x5C]
                case 0x0A: escape = [0x5C, 0x6E]
                case 0x0D: escape = [0x5C, 0x72]
                case 0x09: escape = [0x5C, 0x74]
                case 0x3C, 0x3E, 0x26, 0..<0x20:
                    escape = [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 (E2 80 A8/A9) end lines in JavaScript: escape them too.
                    escape = Array("\\u202".utf8) + [bytes[index + 2] == 0xA8 ? 0x38 : 0x39]
                    width = 3
                default:
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                output.append(contentsOf: escape)
                index += width
                run = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        }
        output.append(0x22)
    }
}
