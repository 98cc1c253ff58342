//! TOML someone wrote by hand keeps its comments and layout when async-up
//! changes it: `me` and `away` edit the member file, `init` and `me --email`
//! the user config, each changing only what they must.

mod common;
use common::*;

fn member_file(remote: &std::path::Path, handle: &str) -> String {
    git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(remote)
            .args(["show", &format!("main:members/{handle}.toml")]),
    )
}

#[test]
fn comments_and_order_in_a_member_file_survive_me_and_away() {
    let world = World::new();
    let remote = world.bare_remote("t.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    let joined = member_file(&remote, "alice");
    let joined_line = joined.lines().find(|l| l.starts_with("joined")).unwrap();
    let hand = format!(
        "# Alice's member file: ask her before changing it.\n\
         email = \"alice@example.com\"   # the address audit checks\n\
         handle = \"alice\"\n\
         timezone = \"UTC\"\n\
         {joined_line}\n\
         \n\
         # Core hours, agreed with the team in October.\n\
         hours = \"09:00-17:00\"\n\
         name = \"Alice\"\n\
         \n\
         [[away]]  # the conference\n\
         from = 2026-12-01\n\
         until = 2026-12-02\n"
    );
    let checkout = Checkout::of(&world, &remote);
    checkout.put("members/alice.toml", &hand);
    checkout.push_as("alice@example.com", "alice edits her member file by hand");

    alice.ok(&["me", "--hours", "10:00-18:00"]);
    let after_me = member_file(&remote, "alice");
    assert_eq!(
        after_me,
        hand.replace("hours = \"09:00-17:00\"", "hours = \"10:00-18:00\""),
        "only the hours changed"
    );

    alice.ok(&[
        "away",
        "--from",
        "2026-12-21",
        "--until",
        "2027-01-03",
        "--note",
        "Holidays",
    ]);
    let after_away = member_file(&remote, "alice");
    assert!(after_away.starts_with(&after_me), "{after_away}");
    assert!(
        after_away.contains("[[away]]  # the conference"),
        "{after_away}"
    );
    assert!(after_away.contains("note = \"Holidays\""), "{after_away}");
    let doc = alice.json(&["team", "--format", "json"]);
    assert!(doc["members"].as_array().is_some());
}

#[test]
fn comments_and_order_in_the_user_config_survive_init_and_me_email() {
    let world = World::new();
    let first = world.bare_remote("first.git", "main");
    let second = world.bare_remote("second.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&[
        "init",
        first.to_str().unwrap(),
        "--email",
        "alice@example.com",
    ]);
    let hand = format!(
        "# My async-up config.\n\
         \n\
         [teams.first]   # the team at work\n\
         email = \"alice@example.com\"\n\
         remote = \"{}\"  # moved in November\n\
         \n\
         [activity]\n\
         # Where my own commits are.\n\
         repos = [\"~/src/*\"]\n\
         \n\
         # Which team `async-up` uses without --team.\n\
         default_team = \"first\"\n",
        first.display()
    );
    // A key at the top after a table would belong to the table: put it first.
    let hand = hand.replace(
        "# My async-up config.\n\n",
        "# My async-up config.\ndefault_team = \"first\"  # the one I use most\n\n",
    );
    let hand = hand.replace(
        "\n# Which team `async-up` uses without --team.\ndefault_team = \"first\"\n",
        "",
    );
    std::fs::write(alice.config_file(), &hand).unwrap();
    alice.ok(&["team"]);

    alice.ok(&["init", second.to_str().unwrap()]);
    let after_init = std::fs::read_to_string(alice.config_file()).unwrap();
    assert!(
        after_init.starts_with(&hand),
        "the hand-written part stays:\n{after_init}"
    );
    assert!(after_init.contains("[teams.second]"), "{after_init}");

    alice.ok(&["me", "--email", "alice@new.example.com"]);
    let after_email = std::fs::read_to_string(alice.config_file()).unwrap();
    assert_eq!(
        after_email,
        after_init.replace(
            "email = \"alice@example.com\"\n",
            "email = \"alice@new.example.com\"\n"
        ),
        "only the email changed"
    );
}
