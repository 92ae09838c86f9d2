/// Pairs the items of two versions of a document so that an item keeps its identity when it is
/// edited or moved, as `git blame -M` follows lines: identical text first (in order), then the most
/// similar remaining text, nearer positions breaking ties. Unpaired items were added or removed.
enum ItemMatcher {
    /// For each new item, the index of the old item it continues, or nil when it is new.
    static func match(old: [String], new: [String], threshold: Double = 0.5) -> [Int?] {
        var result = [Int?](repeating: nil, count: new.count)
        var oldTaken = [Bool](repeating: false, count: old.count)

        // 1. Identical text, paired in order (a duplicated item pairs with its first copy first).
        var byText: [String: [Int]] = [:]
        for (index, text) in old.enumerated() { byText[text, default: []].append(index) }
        for (newIndex, text) in new.enumerated() {
            guard var candidates = byText[text], !candidates.isEmpty else { continue }
            let oldIndex = candidates.removeFirst()
            byText[text] = candidates
            result[newIndex] = oldIndex
            oldTaken[oldIndex] = true
        }

        // 2. Similar text among what is left, best pairs first.
        let freeOld = old.indices.filter { !oldTaken[$0] }
        let freeNew = new.indices.filter { result[$0] == nil }
        guard !freeOld.isEmpty, !freeNew.isEmpty else { return result }
        let oldGrams = freeOld.map { Bigrams(old[$0]) }
        let oldFolded = freeOld.map { old[$0].lowercased() }
        var pairs: [(score: Double, distance: Int, old: Int, new: Int)] = []
        for newIndex in freeNew {
            let grams = Bigrams(new[newIndex])
            let folded = new[newIndex].lowercased()
            for (position, oldIndex) in freeOld.enumerated() {
                // Signing appends to an item ("Security" → "Security — Carol Weiss, 2026-02-27"):
                // text that extends the other's is the same item even when bigrams say otherwise.
                let extends = min(folded.count, oldFolded[position].count) >= 2
                    && (folded.hasPrefix(oldFolded[position]) || oldFolded[position].hasPrefix(folded))
                let score = max(grams.similarity(oldGrams[position]), extends ? 0.9 : 0)
                if score >= threshold {
                    pairs.append((score, abs(relative(oldIndex, old.count) - relative(newIndex, new.count)), oldIndex, newIndex))
                }
            }
        }
        pairs.sort { ($1.score, $0.distance, $0.new) < ($0.score, $1.distance, $1.new) }
        for pair in pairs where !oldTaken[pair.old] && result[pair.new] == nil {
            result[pair.new] = pair.old
            oldTaken[pair.old] = true
        }
        return result
    }

    private static func relative(_ index: Int, _ count: Int) -> Int { count == 0 ? 0 : index * 1000 / count }
}

/// Character bigrams of lower-cased text, compared with Dice's coefficient.
struct Bigrams {
    private var counts: [UInt32: Int] = [:]
    private var total = 0

    init(_ text: String) {
        let scalars = Array(text.lowercased().unicodeScalars)
        guard scalars.count > 1 else {
            if let only = scalars.first { counts[only.value] = 1; total = 1 }
            return
        }
        for index in 0..<(scalars.count - 1) {
            counts[scalars[index].value &* 31 &+ scalars[index + 1].value, default: 0] += 1
        }
        total = scalars.count - 1
    }

    func similarity(_ other: Bigrams) -> Double {
        guard total + other.total > 0 else { return 1 }
        var shared = 0
        for (gram, count) in counts { shared += min(count, other.counts[gram] ?? 0) }
        return 2 * Double(shared) / Double(total + other.total)
    }
}
