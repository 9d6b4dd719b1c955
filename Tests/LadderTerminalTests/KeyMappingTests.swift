import CellGrid
import CNcursesw
import Testing
@testable import LadderTerminal

@Suite("Key mapping: curses codes and characters to Keys")
struct KeyMappingTests {
    @Test("Curses key codes name the keys", arguments: [
        (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
        (KEY_HOME, .home), (KEY_END, .end), (KEY_FIND, .home), (KEY_SELECT, .end),
        (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_BACKSPACE, .backspace),
        (KEY_DC, .delete), (KEY_BTAB, .backTab), (KEY_ENTER, .enter),
    ])
    func keyCodes(code: Int32, key: Key) {
        #expect(KeyMapping.decode(isKeyCode: true, value: UInt32(code)) == .key(key))
    }

    @Test("Function keys F1…F63")
    func functionKeys() {
        #expect(KeyMapping.decode(keyCode: ladder_key_f(1)) == .key(.function(1)))
        #expect(KeyMapping.decode(keyCode: ladder_key_f(12)) == .key(.function(12)))
        #expect(KeyMapping.decode(keyCode: ladder_key_f(63)) == .key(.function(63)))
        #expect(KeyMapping.decode(keyCode: ladder_key_f(0)) == .ignored)
    }

    @Test("Resize and mouse are told apart; unnamed keys are dropped")
    func specialCodes() {
        #expect(KeyMapping.decode(keyCode: KEY_RESIZE) == .resize)
        #expect(KeyMapping.decode(keyCode: KEY_MOUSE) == .mouse)
        #expect(KeyMapping.decode(keyCode: KEY_IC) == .ignored)
        #expect(KeyMapping.decode(keyCode: KEY_SR) == .ignored)
    }

    @Test("Control characters", arguments: [
        (UInt32(27), Key.escape), (9, .tab), (10, .enter), (13, .enter), (8, .backspace), (127, .backspace),
        (1, .control("a")), (3, .control("c")), (17, .control("q")), (26, .control("z")),
    ])
    func controlCharacters(code: UInt32, key: Key) {
        #expect(KeyMapping.decode(isKeyCode: false, value: code) == .key(key))
    }

    @Test("Printable characters, any script")
    func printable() {
        for text in ["a", "Z", " ", "~", "é", "ж", "漢", "🎉"] {
            let scalar = text.unicodeScalars.first!.value
            #expect(KeyMapping.decode(character: scalar) == .key(.character(Character(text))))
        }
    }

    @Test("Unnameable characters are dropped: NUL, Ctrl-\\, C1, surrogates, out of range", arguments: [
        UInt32(0), 28, 31, 0x80, 0x9B, 0x9F, 0xD800, 0x110000,
    ])
    func dropped(code: UInt32) {
        #expect(KeyMapping.decode(character: code) == .ignored)
    }

    @Test("Mouse: left press is a click, buttons 4 and 5 scroll")
    func mouse() {
        #expect(KeyMapping.decode(mouseButtons: ladder_button1_pressed(), x: 3, y: 4) == .click(x: 3, y: 4))
        #expect(KeyMapping.decode(mouseButtons: ladder_button1_clicked(), x: 0, y: 0) == .click(x: 0, y: 0))
        #expect(KeyMapping.decode(mouseButtons: ladder_button4_pressed(), x: 3, y: 4) == .scroll(up: true))
        #expect(KeyMapping.decode(mouseButtons: ladder_button5_pressed(), x: 3, y: 4) == .scroll(up: false))
        #expect(KeyMapping.decode(mouseButtons: 0, x: 3, y: 4) == nil)
        #expect(KeyMapping.decode(mouseButtons: ladder_button1_pressed(), x: -1, y: 2) == nil)
    }
}
