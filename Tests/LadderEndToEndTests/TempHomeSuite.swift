import LadderTestSupport

/// A suite that runs the built `ladder` on its own temp data folder.
protocol TempHomeSuite {
    var home: String { get }
}

extension TempHomeSuite {
    func ladder(_ arguments: String...) throws -> TestSupport.Output {
        try TestSupport.ladder(arguments, home: home)
    }
}
