public enum Golint {
    public static let version = "0.1.0"
}
