func openUI(person: LadderKit.PersonID) throws { print("UI coming") }
import LadderKit
