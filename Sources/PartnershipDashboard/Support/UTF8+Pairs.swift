// A byte check that several readers share, on UTF-8 without Foundation's substring search.

extension String.UTF8View {
    /// Whether `byte` appears twice in a row: `--` in an id, `..` in a path.
    func containsTwice(_ byte: UInt8) -> Bool {
        zip(self, dropFirst()).contains { $0 == byte && $1 == byte }
    }
}
