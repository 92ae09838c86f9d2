/// A person as history knows them, after `.mailmap`.
public struct Identity: Sendable, Equatable {
    public let name: String
    public let email: String

    public var description: String { "\(name) <\(email)>" }
}
