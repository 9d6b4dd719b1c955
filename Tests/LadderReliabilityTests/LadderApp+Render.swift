import CellGrid
import LadderTUI

extension LadderApp {
    /// The frame at a size, the size sent first as the terminal's runner does.
    func render(width: Int, height: Int) -> Canvas {
        handle(.resize(width: width, height: height))
        return frame
    }
}
