import Testing

/// Every test that runs curses: ncurses keeps one current screen per process, so these
/// run one at a time (`.serialized` covers the suites nested in extensions too).
@Suite("Curses", .serialized)
struct CursesTests {}
