// Reads one JSON object's fields, reporting every missing, unknown or mistyped one.

import Foundation

/// Reads the fields of one JSON object and reports, rather than stops at, what is wrong.
///
/// Every read that fails logs a message naming the field and saying what would be right, and
/// returns `nil`; callers carry on so that one run reports every problem in a file.
struct ObjectReader {
    let path: JSONPath
    let log: ProblemLog
    let offset: Int
    /// The object's members as written: a handful each, so found by a look along the list, which
    /// is quicker than hashing them into a dictionary for every object read.
    private let members: [JSONNode.Member]
    /// Keys reported as unknown that look like misspellings of an allowed key, by that key.
    private let misspellings: [String: String]

    /// Reads `node` as an object with exactly the given keys (`$schema` is always allowed).
    init?(_ node: JSONNode, at path: JSONPath, log: ProblemLog, expecting what: String, keys: [String]) {
        guard case .object(let list) = node.value else {
            log.error("expected \(what) written as an object { … }, found \(node.kindDescription)", at: path, offset: node.offset)
            return nil
        }
        self.path = path
        self.log = log
        self.offset = node.offset
        var misspellings: [String: String] = [:]
        for member in list {
            if !keys.contains(member.key) && member.key != "$schema" {
                let hint = Suggestion.hint(for: member.key, in: keys, listing: "the keys allowed in \(what)")
                log.error("unknown key \"\(member.key)\"; \(hint)", at: path.appending(member.key), offset: member.keyOffset)
                if let intended = Suggestion.closest(to: member.key, in: keys) { misspellings[intended] = member.key }
            }
        }
        self.members = list
        self.misspellings = misspellings
    }

    /// The node for a key; logs `missing "key"; hint` when it is required and absent.
    func node(_ key: String, required hint: String?) -> JSONNode? {
        if let member = member(key) {
            if case .null = member.value.value, let hint {
                log.error("\"\(key)\" is null; \(hint)", at: path.appending(key), offset: member.value.offset)
                return nil
            }
            if case .null = member.value.value { return nil }
            return member.value
        }
        // A misspelt key has already been reported as unknown, with this key suggested.
        if let hint, misspellings[key] == nil {
            log.error("missing \"\(key)\"; \(hint)", at: path, offset: offset)
        }
        return nil
    }

    func has(_ key: String) -> Bool { member(key) != nil }

    /// The member with this key; the last, as a dictionary would keep, if the key is repeated.
    private func member(_ key: String) -> JSONNode.Member? { members.last { $0.key == key } }

    /// A non-empty text of at most `maximumLength` characters, trimmed of surrounding spaces.
    func string(_ key: String, required hint: String? = nil, maximumLength: Int = 300) -> String? {
        guard let node = node(key, required: hint) else { return nil }
        guard case .string(let raw) = node.value else {
            log.error("expected text in double quotes, found \(node.kindDescription)", at: path.appending(key), offset: node.offset)
            return nil
        }
        let text = ObjectReader.trimmed(raw)
        if text.isEmpty {
            log.error("is empty; \(hint ?? "remove the key or write the text")", at: path.appending(key), offset: node.offset)
            return nil
        }
        // A string has no more characters than bytes: only a long one is counted.
        if text.utf8.count > maximumLength, text.count > maximumLength {
            log.error("is \(text.count) characters long; keep it under \(maximumLength)", at: path.appending(key), offset: node.offset)
            return nil
        }
        // Control characters are single bytes in UTF-8, so the bytes are checked, not the scalars.
        let (control, angle) = ObjectReader.controlAndAngle(text)
        if control {
            log.error("contains a control character; remove it", at: path.appending(key), offset: node.offset)
            return nil
        }
        if log.rejectsMarkup, angle, let tag = Markup.firstTag(in: text) {
            log.error(
                "\"\(tag)\" looks like HTML, but this field is plain text shown exactly as written; remove the markup (write \"less than\" for <)",
                at: path.appending(key), offset: node.offset)
            return nil
        }
        return text
    }

    /// A finite number, with the text it was written as.
    func number(_ key: String, required hint: String? = nil) -> (value: Double, literal: String)? {
        guard let node = node(key, required: hint) else { return nil }
        switch node.value {
        case .number(let value, let literal):
            return (value, literal)
        case .string(let text):
            let cleaned = text.replacingOccurrences(of: ",", with: "")
            let advice =
                Double(cleaned) != nil
                ? "write \(cleaned) without quotes"
                : "write the figure as a number without quotes"
            log.error("expected a number, found \(node.kindDescription); \(advice)", at: path.appending(key), offset: node.offset)
        default:
            log.error("expected a number, found \(node.kindDescription)", at: path.appending(key), offset: node.offset)
        }
        return nil
    }

    func bool(_ key: String) -> Bool? {
        guard let node = node(key, required: nil) else { return nil }
        guard case .bool(let flag) = node.value else {
            log.error("expected true or false, found \(node.kindDescription)", at: path.appending(key), offset: node.offset)
            return nil
        }
        return flag
    }

    /// The items of a list, each with its path.
    func list(_ key: String, required hint: String? = nil) -> [(node: JSONNode, path: JSONPath)]? {
        guard let node = node(key, required: hint) else { return nil }
        guard case .array(let items) = node.value else {
            log.error("expected a list [ … ], found \(node.kindDescription)", at: path.appending(key), offset: node.offset)
            return nil
        }
        let base = path.appending(key)
        return items.enumerated().map { ($0.element, base.appending($0.offset)) }
    }

    /// One of a fixed set of words, with "did you mean" when misspelt.
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, of type: T.Type, required hint: String? = nil) -> T?
    where T.RawValue == String {
        guard let text = string(key, required: hint) else { return nil }
        if let value = T(rawValue: text) { return value }
        let allowed = T.allCases.map(\.rawValue)
        let advice = Suggestion.hint(for: text, in: allowed, listing: "the values allowed")
        log.error("\"\(text)\" is not allowed here; \(advice)", at: path.appending(key), offset: offset(of: key))
        return nil
    }

    /// A period in the data files' notation.
    func period(_ key: String, required hint: String? = nil) -> Period? {
        guard let text = string(key, required: hint) else { return nil }
        switch Period.parse(text) {
        case .success(let period): return period
        case .failure(let error):
            log.error(error.message, at: path.appending(key), offset: offset(of: key))
            return nil
        }
    }

    /// A date known to the year, month or day.
    func partialDate(_ key: String, required hint: String? = nil) -> PartialDate? {
        guard let text = string(key, required: hint) else { return nil }
        switch PartialDate.parse(text) {
        case .success(let date): return date
        case .failure(let error):
            log.error(error.dateMessage, at: path.appending(key), offset: offset(of: key))
            return nil
        }
    }

    /// An id: lowercase letters, digits and single hyphens, starting with a letter.
    func identifier(_ key: String, required hint: String? = nil) -> String? {
        guard let text = string(key, required: hint, maximumLength: 60) else { return nil }
        if let problem = Identifier.problem(with: text) {
            log.error(problem, at: path.appending(key), offset: offset(of: key))
            return nil
        }
        return text
    }

    func offset(of key: String) -> Int { member(key)?.value.offset ?? offset }

    /// Tab, line feed, vertical tab, form feed, carriage return and space: Unicode's white space below 0x80.
    private static func isASCIIWhiteSpace(_ byte: UInt8) -> Bool { (0x09...0x0D).contains(byte) || byte == 0x20 }

    /// The text without surrounding white space; text with none (nearly all) is returned as it is.
    static func trimmed(_ text: String) -> String {
        // Most text starts and ends with an ASCII byte that is not white space: no Unicode table is needed.
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80,
            !isASCIIWhiteSpace(first), !isASCIIWhiteSpace(last)
        {
            return text
        }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension ObjectReader {
    /// Whether `text` holds a control character other than a line break or tab, and whether it
    /// holds a "<": one pass over its bytes, for the thousands of strings a national dataset has.
    static func controlAndAngle(_ text: String) -> (control: Bool, angle: Bool) {
        func scan(_ bytes: some Sequence<UInt8>) -> (control: Bool, angle: Bool) {
            var found = (control: false, angle: false)
            for byte in bytes where byte < 0x20 || byte == 0x3C {
                if byte == 0x3C { found.angle = true } else if byte != 0x0A && byte != 0x09 { found.control = true }
            }
            return found
        }
        return text.utf8.withContiguousStorageIfAvailable { scan($0) } ?? scan(text.utf8)
    }
}

/// The rule for ids of authorities, indicators, sources, facts and claims.
enum Identifier {
    /// Why `text` is not an id, with a suggestion, or `nil` when it is one.
    static func problem(with text: String) -> String? {
        // Nearly every id is checked here, byte by byte: a lowercase letter, then lowercase letters,
        // digits and single hyphens, at most 60, not ending in a hyphen.
        let bytes = text.utf8
        if let first = bytes.first, (0x61...0x7A).contains(first), bytes.count <= 60, bytes.last != 0x2D,
            bytes.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }),
            !bytes.containsTwice(UInt8(ascii: "-"))
        {
            return nil
        }
        let valid =
            !text.isEmpty && text.count <= 60
            && text.first.map { $0.isLetter && $0.isASCII } == true
            && text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
            && !text.contains("--") && !text.hasSuffix("-")
        if valid { return nil }
        var suggestion = ""
        for character in text.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                suggestion.append(character)
            } else if !suggestion.isEmpty && suggestion.last != "-" {
                suggestion.append("-")
            }
        }
        while suggestion.hasSuffix("-") { suggestion.removeLast() }
        while let first = suggestion.first, !first.isLetter { suggestion.removeFirst() }
        let advice = suggestion.isEmpty || suggestion == text ? "" : "; write \"\(String(suggestion.prefix(60)))\""
        return
            "\"\(text.count > 60 ? String(text.prefix(60)) + "…" : text)\" is not an id: use lowercase letters, digits and single hyphens, starting with a letter\(advice)"
    }
}
