/// Pairs the items of two versions of a document so that an item keeps its identity when it is
/// edited or moved, as `git blame -M` follows lines: identical text first (in order), then the most
/// similar remaining text, nearer positions breaking ties. Unpaired items were added or removed.
enum ItemMatcher {
    /// For each new item, the index of the old item it continues, or nil when it is new.
    static func match(old: [String], new: [String], threshold: Double = 0.5) -> [Int?] {
        var result = [Int?](repeating: nil, count: new.count)
        var oldTaken = [Bool](repeating: false, count: old.count)

        // 1. Identical text, paired in order (a duplicated item pairs with its first copy first).
        // Items before the first difference pair with themselves: for each, its own old copy is
        // the first one not yet taken. Most commits change one or two items, so half the list on
        // average needs no hashing.
        var common = 0
        while common < min(old.count, new.count), old[common] == new[common] {
            result[common] = common
            oldTaken[common] = true
            common += 1
        }
        // The rest through one table of each text's first free old copy, the later copies chained.
        var firstCopy: [String: Int] = [:]
        firstCopy.reserveCapacity(old.count - common)
        var nextCopy = [Int](repeating: -1, count: old.count)
        for index in stride(from: old.count - 1, through: common, by: -1) {
            if let later = firstCopy.updateValue(index, forKey: old[index]) { nextCopy[index] = later }
        }
        for newIndex in common..<new.count {
            guard let slot = firstCopy.index(forKey: new[newIndex]) else { continue }
            let oldIndex = firstCopy.values[slot]
            guard oldIndex >= 0 else { continue }
            firstCopy.values[slot] = nextCopy[oldIndex]
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
