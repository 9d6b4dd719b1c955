#ifndef LADDER_CNCURSESW_SHIM_H
#define LADDER_CNCURSESW_SHIM_H
// The C side of the ncurses backend. Swift imports integer macros and exported
// functions, but not function-like macros (getmaxyx, KEY_F) nor macros built from
// other macros (A_BOLD, BUTTON1_PRESSED): these inline wrappers make them visible.
// Keep this file free of state: a `static` variable here would get one copy per
// Swift object file that uses it.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <sys/ioctl.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// MARK: Attributes

static inline attr_t ladder_a_normal(void) { return A_NORMAL; }
static inline attr_t ladder_a_bold(void) { return A_BOLD; }
static inline attr_t ladder_a_reverse(void) { return A_REVERSE; }
static inline attr_t ladder_a_dim(void) { return A_DIM; }
static inline attr_t ladder_a_underline(void) { return A_UNDERLINE; }

// MARK: The standard screen and its size (stdscr is shared state; getmaxyx is a macro)

static inline WINDOW *ladder_stdscr(void) { return stdscr; }

static inline int ladder_getmaxy(const WINDOW *win) { return getmaxy(win); }
static inline int ladder_getmaxx(const WINDOW *win) { return getmaxx(win); }

/// The terminal's size as the kernel knows it; 0 on success, -1 when `fd` is no terminal.
/// (Parameter names avoid `lines`/`columns`: term.h defines those as macros.)
static inline int ladder_terminal_size(int fd, int *out_height, int *out_width) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
    *out_height = size.ws_row;
    *out_width = size.ws_col;
    return 0;
}

// MARK: Drawing

/// Writes one printable ASCII character at (y, x) with its attributes and colour pair:
/// most cells of a frame, without building a wide-character string in Swift. The
/// result of `mvwadd_wch` is returned for the caller to ignore (the bottom-right cell
/// is written but the cursor cannot advance past it).
static inline int ladder_put_ascii(WINDOW *win, int y, int x, unsigned char ch, attr_t attrs, short pair) {
    wchar_t text[2] = { (wchar_t)ch, 0 };
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}

// MARK: Keys

static inline int ladder_key_f(int n) { return KEY_F(n); }

// MARK: Mouse

static inline mmask_t ladder_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t ladder_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t ladder_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t ladder_button5_pressed(void) { return BUTTON5_PRESSED; }

// MARK: Terminfo

/// tigetstr's answer as NULL when the capability is absent *or* not a string
/// (tigetstr returns (char *)-1 for the latter, which Swift cannot test for cleanly).
static inline const char *ladder_tigetstr(const char *name) {
    char *value = tigetstr(name);
    if (value == (char *)-1) return NULL;
    return value;
}

// MARK: Locale

/// glibc hides wcwidth unless _XOPEN_SOURCE is set before the first system header,
/// which a module cannot promise; declare it (POSIX/XSI, in libc) for the shim.
extern int wcwidth(wchar_t c);

/// Columns the terminal gives a character in the current locale, as curses counts
/// them: -1 unprintable, 0 combining, 1 or 2.
static inline int ladder_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

/// True when the current LC_CTYPE encodes text as UTF-8.
static inline int ladder_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL) return 0;
    // "UTF-8" on glibc and macOS; accept "utf8" spellings too.
    const char *p = codeset;
    char letters[8] = {0};
    int n = 0;
    for (; *p != '\0' && n < 7; p++) {
        char c = *p;
        if (c == '-' || c == '_') continue;
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        letters[n++] = c;
    }
    return *p == '\0' && n == 4 && letters[0] == 'u' && letters[1] == 't' && letters[2] == 'f' && letters[3] == '8';
}

#endif
