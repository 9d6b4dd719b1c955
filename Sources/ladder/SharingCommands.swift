import ArgumentParser
import CellGrid
import Foundation
import LadderKit

/// `ladder share PERSON URL`: share one person's record with that person alone.
struct Share: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share",
        abstract: "Share one person's record through its own git remote (a mentor shares each mentee's record with that mentee only).",
        discussion: """
        URL is an empty bare repository (git init --bare -b main PATH) or one that holds \
        that person's record. The record moves to <data>/shared/people/<id>/, a git \
        repository holding people/<id>.jsonl and nothing else, and is pushed; every \
        ladder sync then syncs it. In a data folder that is itself shared through git, \
        the folder keeps its copy of the journal as it is (journals there only grow) and \
        the record's changes go through its own repository from then on. The mentee joins with: ladder join URL --name "Her Name".

        ladder share profiles URL shares the team's profiles the same way (your own \
        profiles move to <data>/shared/profiles/); mentees join them with: ladder join URL --profiles.
        """)

    @Argument(help: "The person (id or name), or `profiles` for the team's profiles.") var person: String
    @Argument(help: "The git remote: a URL or a path.") var url: String

    func run() throws {
        let context = try Context.load()
        if person == "profiles" {
            let report: SyncReport
            do throws(SyncError) {
                report = try RecordSharing(store: context.store).shareProfiles(url: url, progress: { printError($0) })
            } catch {
                throw CLIError(error.message)
            }
            print("Shared the team's profiles with \(Safe.text(url))\(report.pushed ? "" : " (nothing to push)"). Mentees join them with: ladder join \(Safe.text(url)) --profiles")
            return
        }
        let id = try context.existingPerson(person)
        let (report, keepsCopy): (SyncReport, Bool)
        do throws(SyncError) {
            (report, keepsCopy) = try RecordSharing(store: context.store).share(id, url: url, progress: { printError($0) })
        } catch {
            throw CLIError(error.message)
        }
        print("Shared \(id)'s record with \(Safe.text(url)): \(report.counts).")
        if keepsCopy {
            print("This data folder is shared as a whole through git: its copy of \(id)'s journal stays as it is now (a journal there only grows), "
                + "and \(id)'s changes go through the record's own repository from now on.")
        }
        print("They join it in a new data folder with: ladder join \(Safe.text(url)) --name \"NAME\"")
    }
}

/// `ladder join URL --name NAME`: a mentee fetches her record into a new data folder.
struct Join: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Fetch your record from the git remote your mentor shared it to, into a new data folder, and make yourself its owner.")

    @Argument(help: "The git remote your mentor gave you.") var url: String
    @Option(help: "Your name, e.g. \"Ana Silva\" (for your record).") var name: String?
    @Flag(help: "URL holds the team's profiles (ladder share profiles URL), not your record.") var profiles = false

    func validate() throws {
        if !profiles && name == nil { throw ValidationError("say who you are: ladder join URL --name \"Your Name\" (or --profiles for the team's profiles)") }
    }

    func run() throws {
        let folder = try report { try DataFolder.resolve() }
        if profiles {
            do throws(SyncError) {
                let count = try RecordSharing(store: Store(folder: folder)).joinProfiles(url: url)
                print("Joined the team's profiles from \(Safe.text(url)): \(count) profile\(count == 1 ? "" : "s"). ladder sync keeps them current.")
            } catch {
                throw CLIError(error.message)
            }
            return
        }
        let name = try report { try Owner.checkedName(self.name ?? "") }
        let owner: Owner
        do throws(SyncError) {
            owner = try RecordSharing(store: Store(folder: folder)).join(url: url, name: name)
        } catch {
            throw CLIError(error.message)
        }
        print("You are \(Safe.text(owner.name)) (id \(owner.id)); your record comes from \(Safe.text(url)). Run ladder sync to share your changes.")
    }
}
