import CellGrid
import CNcursesw

/// What one answer from `wget_wch` means. Pure, so the whole table is unit-tested.
enum KeyInput: Equatable {
    case key(Key)
    /// `KEY_RESIZE`: curses has already resized the screen; ask it for the new size.
    case resize
    /// `KEY_MOUSE`: fetch the event with `getmouse`.
    case mouse
    /// A key the app has no name for (Insert, shifted arrows, Ctrl-\ …): dropped.
    case ignored
}

/// Translation from curses key codes and characters to `Key`s.
enum KeyMapping {
    /// The meaning of `wget_wch`'s answer: `isKeyCode` when it returned `KEY_CODE_YES`
    /// (then `value` is a `KEY_*` code), else `value` is a character.
    static func decode(isKeyCode: Bool, value: UInt32) -> KeyInput {
        isKeyCode ? decode(keyCode: Int32(truncatingIfNeeded: value)) : decode(character: value)
    }

    static func decode(keyCode: Int32) -> KeyInput {
        switch keyCode {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME, KEY_FIND: return .key(.home)
        case KEY_END, KEY_SELECT: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return .mouse
        case ladder_key_f(1)...ladder_key_f(63): return .key(.function(Int(keyCode - ladder_key_f(0))))
        default: return .ignored
        }
    }

    /// A character typed on its own (raw mode: Ctrl-C arrives here as 3, not as SIGINT).
    static func decode(character code: UInt32) -> KeyInput {
        switch code {
        case 27: return .key(.escape)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 1...26:
            guard let letter = Unicode.Scalar(code + 0x60) else { return .ignored }
            return .key(.control(Character(letter)))
        case 0, 28...31, 0x80...0x9F: return .ignored // Ctrl-@, Ctrl-\ … and C1 controls
        default:
            guard let scalar = Unicode.Scalar(code) else { return .ignored } // surrogates, > U+10FFFF
            return .key(.character(Character(scalar)))
        }
    }

    /// A mouse report as an event: a left press is a click, buttons 4 and 5 the wheel.
    static func decode(mouseButtons buttons: mmask_t, x: Int, y: Int) -> InputEvent? {
        if buttons & ladder_button4_pressed() != 0 { return .scroll(up: true) }
        if buttons & ladder_button5_pressed() != 0 { return .scroll(up: false) }
        if buttons & (ladder_button1_pressed() | ladder_button1_clicked()) != 0, x >= 0, y >= 0 {
            return .click(x: x, y: y)
        }
        return nil
    }
}
