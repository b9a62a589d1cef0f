// The JSON parser: the line and column of every syntax error, in words a person can act on.

import Testing

@testable import PartnershipDashboard

@Suite("JSON parser")
struct JSONParserTests {
    func failure(_ text: String) -> (message: String, line: Int, column: Int)? {
        let bytes = Array(text.utf8)
        do {
            _ = try JSONParser.parse(bytes)
            return nil
        } catch {
            let position = LineMap(bytes).position(of: error.offset)
            return (error.message, position.line, position.column)
        }
    }

    @Test("names the line and column of a missing comma")
    func missingComma() throws {
        let result = try #require(failure("{\n  \"a\": 1\n  \"b\": 2\n}"))
        #expect(result.message == "expected , or } after the value of \"a\", found '\"'; is a comma missing?")
        #expect(result.line == 3)
        #expect(result.column == 3)
    }

    @Test(
        "rejects syntax people write by hand, saying what to write instead",
        arguments: [
            ("{\"v\": NaN}", "NaN is not a number JSON allows; write the figure, or leave the observation out if it is not known"),
            ("{\"v\": Infinity}", "Infinity is not a number JSON allows; write the figure itself"),
            ("{\"v\": -Infinity}", "-Infinity is not a number JSON allows; write the figure itself"),
            ("{\"v\": 1e999}", "the number 1e999 is too large to use"),
            ("{\"v\": 1,890}", "numbers are written without thousands separators: write 1890, not 1,890"),
            ("{\"v\": 'x'}", "text must be in double quotes \"…\", not single quotes"),
            (
                "{\u{201C}v\u{201D}: 1}",
                "expected a key in double quotes, found a curly quote \u{201C} (U+201C); JSON needs straight double quotes \", which word processors replace: type them in a plain-text editor"
            ),
            (
                "{\"v\": \u{2018}x\u{2019}}",
                "expected a value (text in double quotes, a number, true, false, null, { or [), found a curly single quote \u{2018} (U+2018); JSON needs straight double quotes \" around text"
            ),
            (
                "{\"v\":\u{00A0}1}",
                "expected a value (text in double quotes, a number, true, false, null, { or [), found a non-breaking space (U+00A0); use an ordinary space"
            ),
            ("{\"v\": 1, }", "a comma before } leaves an empty entry; remove the last comma"),
            ("[1, 2, ]", "a comma before ] leaves an empty entry; remove the last comma"),
            ("{\"v\": 1} // note", "unexpected '/' after the end of the JSON value; is there a stray character or a missing comma?"),
            ("{\"v\": 12days}", "a number cannot be followed by letters; write units in \"unit\", not in the value"),
            ("{\"v\": \"a\nb\"}", "the text runs onto a new line; close it with \" or write \\n for a line break"),
            ("{\"v\": 1", "the file ends inside an object; is a closing } missing?"),
            ("", "the file is empty; it should hold one JSON object { … }"),
            ("{\"gss\": 0123}", "numbers cannot start with 0 (write 123, or put codes like GSS in quotes)"),
        ])
    func handWrittenMistakes(_ text: String, _ message: String) throws {
        let result = try #require(failure(text))
        #expect(result.message == message)
    }

    @Test("reports a key written twice, pointing at both")
    func duplicateKey() throws {
        let result = try #require(failure("{\n  \"value\": 1,\n  \"value\": 2\n}"))
        #expect(result.message == "the key \"value\" appears twice in one object (first at line 2, column 3); keep one")
        #expect(result.line == 3)
    }

    @Test("rejects a byte order mark and invalid UTF-8")
    func encoding() throws {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8)) }
        let bytes: [UInt8] = Array("{\"a\": \"".utf8) + [0xFF] + Array("\"}".utf8)
        do {
            _ = try JSONParser.parse(bytes)
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.message == "byte 0xFF is not valid UTF-8; save the file with UTF-8 encoding")
            #expect(error.offset == 7)
        }
    }

    @Test("stops at a nesting depth no data file needs, without crashing")
    func deepNesting() throws {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let result = try #require(failure(text))
        #expect(result.message == "the data is nested more than 64 levels deep; an authority file needs no more than 5")
    }

    @Test("counts columns in characters, not bytes")
    func columnsInCharacters() throws {
        let result = try #require(failure("{\"name\": \"Café\" x}"))
        #expect(result.column == 17)
    }

    @Test("keeps the number as written, for a claim's stated precision")
    func numberLiteral() throws {
        let node = try JSONParser.parse(Array("{\"v\": 16.60}".utf8))
        guard case .object(let members) = node.value, case .number(let value, let literal) = members[0].value.value else {
            Issue.record("not parsed as an object with a number")
            return
        }
        #expect(value == 16.6)
        #expect(literal == "16.60")
        #expect(ValueRules.tolerance(of: literal) == 0.005)
    }

    @Test("decodes escapes, including characters outside the basic plane")
    func escapes() throws {
        let node = try JSONParser.parse(Array(#"["a\"b\\c\n\u00e9\ud83d\ude00"]"#.utf8))
        guard case .array(let items) = node.value, case .string(let text) = items[0].value else {
            Issue.record("not parsed as a list of text")
            return
        }
        #expect(text == "a\"b\\c\né😀")
    }
}
