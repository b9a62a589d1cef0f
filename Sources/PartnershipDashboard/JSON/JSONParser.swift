// A strict JSON parser that reports the line and column of every syntax error.

/// What is wrong with a file's JSON syntax, and where.
struct JSONSyntaxError: Error, Equatable, Sendable {
    let message: String
    /// Byte offset of the problem; ``LineMap`` turns it into a line and column.
    let offset: Int
}

/// Parses RFC 8259 JSON from UTF-8 bytes into ``JSONNode``s.
///
/// Stricter than Foundation where a person editing by hand needs help: it names the line and
/// column, rejects duplicate keys, a byte order mark, invalid UTF-8, `NaN` and `Infinity`, and
/// nesting deeper than ``maximumDepth``.
struct JSONParser {
    static let maximumDepth = 64
    /// How many keys of an object are looked through for a repeat before they are hashed instead.
    static let keysLookedThrough = 16

    private let bytes: [UInt8]
    private var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Parses a whole document; anything after the first value is an error.
    static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var parser = JSONParser(bytes: bytes)
        return try parser.parseDocument()
    }

    private func fail(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(message: message, offset: offset ?? index)
    }

    private mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw fail("the file starts with a byte order mark (BOM); save it as UTF-8 without BOM")
        }
        try checkUTF8()
        skipWhitespace()
        guard index < bytes.count else { throw fail("the file is empty; it should hold one JSON object { … }") }
        let node = try parseValue(depth: 0)
        skipWhitespace()
        if index < bytes.count {
            throw fail(
                "unexpected \(describe(at: index)) after the end of the JSON value; is there a stray character or a missing comma?")
        }
        return node
    }

    private mutating func checkUTF8() throws(JSONSyntaxError) {
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            var valid = length > 0 && i + length <= bytes.count
            if valid, length > 1 {
                for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { valid = false }
                if valid {
                    let second = bytes[i + 1]
                    if byte == 0xE0 && second < 0xA0 { valid = false }  // overlong
                    if byte == 0xED && second > 0x9F { valid = false }  // surrogate
                    if byte == 0xF0 && second < 0x90 { valid = false }  // overlong
                    if byte == 0xF4 && second > 0x8F { valid = false }  // beyond U+10FFFF
                }
            }
            if !valid {
                throw fail(
                    "byte 0x\(String(byte, radix: 16, uppercase: true)) is not valid UTF-8; save the file with UTF-8 encoding", at: i)
            }
            i += length
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D, 0x0A: index += 1
            default: return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard depth <= JSONParser.maximumDepth else {
            throw fail("the data is nested more than \(JSONParser.maximumDepth) levels deep; an authority file needs no more than 5")
        }
        skipWhitespace()
        guard index < bytes.count else { throw fail("the file ends too early; is a closing } or ] missing?") }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth, start: start)
        case UInt8(ascii: "["): return try parseArray(depth: depth, start: start)
        case UInt8(ascii: "\""): return JSONNode(.string(try parseString()), at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber(start: start)
        default: return try parseWord(start: start)
        }
    }

    private mutating func parseObject(depth: Int, start: Int) throws(JSONSyntaxError) -> JSONNode {
        index += 1
        var members: [JSONNode.Member] = []
        // A repeated key is found by looking through the keys so far, which is quicker than hashing
        // for the few keys most objects have; past ``keysLookedThrough`` they are hashed.
        var seen: [String: Int]?
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return JSONNode(.object(members), at: start)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw fail("the file ends inside an object; is a closing } missing?") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                if bytes[index] == UInt8(ascii: "}") { throw fail("a comma before } leaves an empty entry; remove the last comma") }
                throw fail("expected a key in double quotes, found \(describe(at: index))")
            }
            let keyOffset = index
            let key = try parseString()
            if let first = seen.map({ $0[key] }) ?? members.first(where: { $0.key == key })?.keyOffset {
                let firstPlace = LineMap(bytes).position(of: first)
                throw fail(
                    "the key \"\(key)\" appears twice in one object (first at line \(firstPlace.line), column \(firstPlace.column)); keep one",
                    at: keyOffset)
            }
            if seen != nil {
                seen?[key] = keyOffset
            } else if members.count == JSONParser.keysLookedThrough {
                seen = Dictionary(members.map { ($0.key, $0.keyOffset) } + [(key, keyOffset)]) { first, _ in first }
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw fail("expected : after the key \"\(key)\"")
            }
            index += 1
            let value = try parseValue(depth: depth + 1)
            members.append(JSONNode.Member(key: key, keyOffset: keyOffset, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw fail("the file ends inside an object; is a closing } missing?") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return JSONNode(.object(members), at: start)
            }
            throw fail("expected , or } after the value of \"\(key)\", found \(describe(at: index)); is a comma missing?")
        }
    }

    private mutating func parseArray(depth: Int, start: Int) throws(JSONSyntaxError) -> JSONNode {
        index += 1
        var items: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return JSONNode(.array(items), at: start)
        }
        while true {
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                throw fail("a comma before ] leaves an empty entry; remove the last comma")
            }
            items.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else { throw fail("the file ends inside a list; is a closing ] missing?") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return JSONNode(.array(items), at: start)
            }
            throw fail("expected , or ] in a list, found \(describe(at: index)); is a comma missing?")
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1
        // Fast path: most text has no escapes and no control characters; take its bytes as they are.
        var scan = index
        while scan < bytes.count, bytes[scan] != UInt8(ascii: "\""), bytes[scan] != UInt8(ascii: "\\"), bytes[scan] >= 0x20 { scan += 1 }
        if scan < bytes.count, bytes[scan] == UInt8(ascii: "\"") {
            let text = String(decoding: bytes[index..<scan], as: UTF8.self)
            index = scan + 1
            return text
        }
        var scalars = String.UnicodeScalarView()
        var runStart = index
        func flushRun(_ bytes: [UInt8], _ from: Int, _ to: Int, into scalars: inout String.UnicodeScalarView) {
            if to > from { scalars.append(contentsOf: String(decoding: bytes[from..<to], as: UTF8.self).unicodeScalars) }
        }
        while true {
            guard index < bytes.count else { throw fail("the text is not closed; is a closing \" missing?") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                flushRun(bytes, runStart, index, into: &scalars)
                index += 1
                return String(scalars)
            }
            if byte < 0x20 {
                throw fail(
                    byte == 0x0A
                        ? "the text runs onto a new line; close it with \" or write \\n for a line break"
                        : "control character \(describe(at: index)) inside text; remove it")
            }
            if byte == UInt8(ascii: "\\") {
                flushRun(bytes, runStart, index, into: &scalars)
                index += 1
                guard index < bytes.count else { throw fail("the text is not closed; is a closing \" missing?") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"): scalars.append(try parseUnicodeEscape())
                default:
                    index -= 1
                    throw fail("\\\(describeRaw(escape)) is not a JSON escape; write \\\\ for a backslash")
                }
                runStart = index
                continue
            }
            index += 1
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("\\u needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail("\\u needs four hex digits")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private mutating func parseUnicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let first = try parseHex4()
        if (0xD800...0xDBFF).contains(first) {
            guard index + 2 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw fail("\\u\(String(first, radix: 16)) is half of a character; its second half (\\uDC00–\\uDFFF) is missing")
            }
            index += 2
            let second = try parseHex4()
            guard (0xDC00...0xDFFF).contains(second) else {
                throw fail("\\u\(String(first, radix: 16)) must be followed by \\uDC00–\\uDFFF")
            }
            guard let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) else {
                throw fail("\\u\(String(first, radix: 16))\\u\(String(second, radix: 16)) is not a character")
            }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else {
            throw fail("\\u\(String(first, radix: 16)) is half of a character and cannot stand alone")
        }
        return scalar
    }

    private mutating func parseNumber(start: Int) throws(JSONSyntaxError) -> JSONNode {
        let begin = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digitsStart = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        let integerDigits = index - digitsStart
        if integerDigits == 0 {
            if matches("Infinity") { throw fail("-Infinity is not a number JSON allows; write the figure itself", at: start) }
            throw fail("a minus sign must be followed by digits", at: start)
        }
        if integerDigits > 1, bytes[digitsStart] == UInt8(ascii: "0") {
            throw fail(
                "numbers cannot start with 0 (write \(String(decoding: bytes[digitsStart + 1..<index], as: UTF8.self)), or put codes like GSS in quotes)",
                at: start)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            if index == fractionStart { throw fail("a decimal point must be followed by digits", at: start) }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            let exponentStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            if index == exponentStart { throw fail("an exponent (e) must be followed by digits", at: start) }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ",") || isLetter(bytes[index]) {
            if bytes[index] == UInt8(ascii: ","), index + 1 < bytes.count, isDigit(bytes[index + 1]),
                index + 3 < bytes.count, isDigit(bytes[index + 2]), isDigit(bytes[index + 3])
            {
                throw fail("numbers are written without thousands separators: write 1890, not 1,890", at: start)
            }
            if isLetter(bytes[index]) {
                throw fail("a number cannot be followed by letters; write units in \"unit\", not in the value", at: start)
            }
        }
        let literal = String(decoding: bytes[begin..<index], as: UTF8.self)
        guard let value = Double(literal), value.isFinite else {
            throw fail("the number \(literal) is too large to use", at: start)
        }
        return JSONNode(.number(value, literal: literal), at: start)
    }

    private mutating func parseWord(start: Int) throws(JSONSyntaxError) -> JSONNode {
        if matches("true") {
            index += 4
            return JSONNode(.bool(true), at: start)
        }
        if matches("false") {
            index += 5
            return JSONNode(.bool(false), at: start)
        }
        if matches("null") {
            index += 4
            return JSONNode(.null, at: start)
        }
        if matches("NaN") {
            throw fail("NaN is not a number JSON allows; write the figure, or leave the observation out if it is not known", at: start)
        }
        if matches("Infinity") { throw fail("Infinity is not a number JSON allows; write the figure itself", at: start) }
        let byte = bytes[index]
        if byte == UInt8(ascii: "'") { throw fail("text must be in double quotes \"…\", not single quotes", at: start) }
        if byte == UInt8(ascii: "/") { throw fail("JSON files cannot hold comments; put remarks in a \"note\" field", at: start) }
        if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
            throw fail("expected a value before \(describe(at: index))", at: start)
        }
        throw fail("expected a value (text in double quotes, a number, true, false, null, { or [), found \(describe(at: index))", at: start)
    }

    private func matches(_ word: String) -> Bool {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count else { return false }
        return Array(bytes[index..<index + utf8.count]) == utf8
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// The character at `position` in words: "'x'", "a tab", or a curly quote named with what to
    /// write instead (word processors put them in), or the character and its code point.
    private func describe(at position: Int) -> String {
        let byte = bytes[position]
        switch byte {
        case 0x0A: return "a line break"
        case 0x09: return "a tab"
        case 0x20...0x7E: return "'\(describeRaw(byte))'"
        default: break
        }
        // Decode the one character that starts here, if it is well-formed UTF-8.
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        guard position + length <= bytes.count,
            let character = String(validating: bytes[position..<position + length], as: UTF8.self)?.unicodeScalars.first
        else { return "byte 0x\(String(byte, radix: 16, uppercase: true)), which is not text" }
        let hex = String(character.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch character {
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{2033}":
            return
                "a curly quote \(character) (\(code)); JSON needs straight double quotes \", which word processors replace: type them in a plain-text editor"
        case "\u{2018}", "\u{2019}":
            return "a curly single quote \(character) (\(code)); JSON needs straight double quotes \" around text"
        case "\u{00A0}": return "a non-breaking space (U+00A0); use an ordinary space"
        case "\u{FEFF}": return "a byte order mark (U+FEFF); save the file as UTF-8 without one"
        default: return "'\(character)' (\(code))"
        }
    }

    private func describeRaw(_ byte: UInt8) -> String { String(UnicodeScalar(byte)) }
}
