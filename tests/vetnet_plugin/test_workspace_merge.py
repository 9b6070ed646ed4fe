"""The three-way merge of a shared document, on its own: what merges, what is kept marked, nothing lost."""
import random

from vetnet_plugin.workspaces.merge import conflict_blocks, three_way_merge

BASE = "Unit 1\nUnit 2\nUnit 3\nUnit 4\n"


def test_edits_of_neighbouring_lines_both_apply():
    merged = three_way_merge(BASE, "Unit 1 by Ana\nUnit 2\nUnit 3\nUnit 4\n", "Unit 1\nUnit 2 by Ben\nUnit 3\nUnit 4\n")
    assert merged.text == "Unit 1 by Ana\nUnit 2 by Ben\nUnit 3\nUnit 4\n" and merged.conflicts == 0


def test_a_deletion_and_an_edit_elsewhere_both_apply():
    merged = three_way_merge(BASE, "Unit 1\nUnit 3\nUnit 4\n", "Unit 1\nUnit 2\nUnit 3\nUnit 4 revised\n")
    assert merged.text == "Unit 1\nUnit 3\nUnit 4 revised\n"


def test_the_same_edit_on_both_sides_is_not_a_conflict():
    same = BASE.replace("Unit 3", "Unit three")
    assert three_way_merge(BASE, same, same).text == same


def test_a_true_collision_keeps_both_texts_between_markers():
    merged = three_way_merge(BASE, BASE.replace("Unit 2", "Mine"), BASE.replace("Unit 2", "Theirs"),
                             mine_label="Ana", latest_label="others")
    assert merged.conflicts == 1 and conflict_blocks(merged.text) == 1
    assert merged.text == "Unit 1\n<<<<<<< others\nTheirs\n=======\nMine\n>>>>>>> Ana\nUnit 3\nUnit 4\n"


def test_a_text_without_a_final_line_end_still_merges_an_addition_at_the_end():
    merged = three_way_merge("a\nb", "a\nb\nmine", "a\nb\ntheirs")
    assert merged.text == "a\nb\ntheirs\nmine\n" and merged.conflicts == 0


def test_random_line_insertions_and_appends_from_one_base_are_never_lost():
    rng = random.Random(7)
    for _ in range(300):
        base_lines = [f"line {n}\n" for n in range(rng.randint(0, 6))]
        sides = []
        for side in ("m", "t"):
            lines = list(base_lines)
            for number in range(rng.randint(1, 3)):
                token = f"{side}{number}"
                if lines and rng.random() < 0.5:
                    where = rng.randrange(len(lines))
                    lines[where] = lines[where].rstrip("\n") + f" {token}\n"
                else:
                    lines.insert(rng.randrange(len(lines) + 1), f"{token}\n")
            sides.append("".join(lines))
        merged = three_way_merge("".join(base_lines), *sides)
        for token in ("m0", "t0"):
            assert token in merged.text
        for side in sides:
            for word in side.split():
                assert word in merged.text
