import Dispatch
import Foundation

/// Work spread over the cores, each worker with its own context (a libgit2 handle is not shared
/// between threads) taking every n-th index. `check`'s documents and history's versions run so.
enum Parallel {
    /// The results in index order.
    static func map<Context, Value>(count: Int, maxWorkers: Int = 16, context: () throws -> Context,
                                    _ body: (Context, Int) throws -> Value) throws -> [Result<Value, Error>] {
        guard count > 0 else { return [] }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count, maxWorkers))
        // Contexts are made on this thread: libgit2 opens and config reads are not worth racing.
        let contexts = try (0..<workers).map { _ in try context() }
        let slots = ResultSlots<Result<Value, Error>>(count: count)
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedBox((contexts, body))
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let context = shared.value.0[worker]
                for index in stride(from: worker, to: count, by: workers) {
                    slots[index] = Result { try shared.value.1(context, index) }
                }
            }
        }
        return slots.values.map { $0! }
    }
}

/// Work started on another thread now and waited for later: history reads the next commits'
/// versions while this thread turns the last ones into events.
final class BackgroundWork<Value>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var result: Result<Value, Error>?

    init(_ work: @escaping () throws -> Value) {
        let work = UncheckedBox(work)
        DispatchQueue.global().async { [self] in
            result = Result { try work.value() }
            finished.signal()
        }
    }

    /// The value, once the work is done (the semaphore orders the write before this read).
    func wait() throws -> Value {
        finished.wait()
        return try result!.get()
    }
}

/// Hands values to concurrent workers that each use only their own element.
final class UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Fixed slots written from concurrent iterations, each slot by one iteration only.
final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value?] { lock.withLock { storage } }
}

extension Array where Element: Sendable {
    /// `map` on all cores, for work that cannot fail.
    func parallelMap<Value>(_ transform: (Element) -> Value) -> [Value] {
        // Neither making the context nor the transform throws.
        try! Parallel.map(count: count, context: {}) { _, index in transform(self[index]) }.map { try! $0.get() }
    }
}
