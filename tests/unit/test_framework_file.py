"""The shipped framework is valid and complete; broken files fail with a useful message."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from rapport.core.citations import citations_in, matches
from rapport.core.errors import FrameworkError
from rapport.core.framework import Framework
from rapport.files.framework_file import framework_paths, load_catalog, load_framework
from tests.conftest import FRAMEWORK_FILE, english_data


def raw() -> dict[str, Any]:
    return english_data()


def write(tmp_path: Path, data: object, name: str = "broken.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def failure(path: Path) -> str:
    with pytest.raises(FrameworkError) as caught:
        load_framework(path)
    return caught.value.message


# -- the shipped content ---------------------------------------------------------------------


def test_shipped_framework_has_the_seven_course_practices(framework: Framework) -> None:
    assert [p.name for p in framework.practices] == [
        "Establish clear communication channels",
        "Regularly update clients on progress",
        "Be proactive",
        "Listen actively and seek feedback",
        "Be transparent and honest",
        "Respect the client's time",
        "Show appreciation and build personal connections",
    ]


@pytest.mark.parametrize("index", range(7))
def test_each_practice_is_explained_cited_and_actionable(framework: Framework, index: int) -> None:
    practice = framework.practices[index]
    words = len(practice.why_it_matters.split())
    assert 80 <= words <= 150, f"{practice.id}: why_it_matters has {words} words"
    assert 4 <= len(practice.indicators) <= 5
    assert 2 <= len(practice.actions) <= 3
    assert practice.discussion_prompts
    # Behaviour statements are first person: "I ..." or "My ...".
    assert all(re.match(r"(I|My|When I)\b", i.text) for i in practice.indicators)
    # Every listed source is cited in the text, as APA writes a citation.
    found = citations_in(practice.why_it_matters)
    for key in practice.citations:
        reference = framework.reference(key)
        assert any(matches(c, reference) for c in found), f"{practice.id} lacks {reference.cite}"


def test_references_are_apa_with_links_where_they_exist(framework: Framework) -> None:
    assert len(framework.references) >= 10
    cited = {k for p in framework.practices for k in p.citations} | set(framework.scale.citations)
    intro = " ".join(framework.introduction)
    for reference in framework.references:
        year = re.search(r"\((\d{4})", reference.apa)
        assert year, reference.key
        assert reference.key in cited or reference.cite.split(",")[0] in intro
        # APA 7: page ranges take an en dash; a DOI is written as a https://doi.org/ link.
        assert not re.search(r"\d-\d", reference.apa), f"{reference.key}: hyphen in a range"
        assert "doi:" not in reference.apa.lower() and "dx.doi" not in (reference.url or "")
        # A journal article has volume(issue) and pages.
        if re.search(r"\*, \d+\*\(", reference.apa):
            assert re.search(r"\*\([\d/]+\), \d+–\d+\.", reference.apa), reference.key
        # A group author is abbreviated in citations and spelled out in the list.
        if reference.group_name:
            assert reference.apa.startswith(reference.group_name + ".")
    assert sum(r.url is not None for r in framework.references) >= 8


def test_scale_is_five_frequency_levels_plus_not_applicable(framework: Framework) -> None:
    assert [level.label for level in framework.scale.levels] == [
        "Never",
        "Rarely",
        "Sometimes",
        "Often",
        "Always",
    ]
    assert framework.scale.not_applicable.label == "Not applicable"
    assert all(level.description for level in framework.scale.levels)


def test_the_same_framework_loads_from_json(tmp_path: Path, framework: Framework) -> None:
    path = tmp_path / "copy.json"
    every_language = yaml.safe_load(FRAMEWORK_FILE.read_text(encoding="utf-8"))
    path.write_text(json.dumps(every_language), encoding="utf-8")
    assert load_framework(path) == framework


def test_a_byte_order_mark_is_tolerated(tmp_path: Path, framework: Framework) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + FRAMEWORK_FILE.read_bytes())
    assert load_framework(path).id == framework.id


# -- broken files ----------------------------------------------------------------------------


def test_missing_field_names_file_item_and_field(tmp_path: Path) -> None:
    data = raw()
    del data["practices"][2]["definition"]
    message = failure(write(tmp_path, data))
    assert "broken.yaml" in message
    assert "practices #3 ('proactive') > definition: Field required" in message


def test_duplicate_indicator_id_is_named(tmp_path: Path) -> None:
    data = raw()
    data["practices"][1]["indicators"].append({"id": "cc-agree-channels", "text": "I repeat."})
    message = failure(write(tmp_path, data))
    assert "duplicate indicator id 'cc-agree-channels'" in message


def test_duplicate_practice_id_is_named(tmp_path: Path) -> None:
    data = raw()
    data["practices"][6]["id"] = "proactive"
    assert "duplicate practice id 'proactive'" in failure(write(tmp_path, data))


def test_unknown_citation_key_names_practice_and_key(tmp_path: Path) -> None:
    data = raw()
    data["practices"][3]["citations"].append("nobody-1999")
    message = failure(write(tmp_path, data))
    assert "practice 'active-listening': citation key 'nobody-1999' is not in references" in message


def test_action_pointing_at_another_practices_indicator(tmp_path: Path) -> None:
    data = raw()
    data["practices"][0]["actions"][0]["indicators"] = ["pu-on-schedule"]
    message = failure(write(tmp_path, data))
    assert "practices #1 ('clear-channels')" in message
    assert "not indicators of this practice" in message


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ([1, 2, 4, 5, 6], "numbered 1, 2, 3"),
        ([2, 1, 3, 4, 5], "numbered 1, 2, 3"),
        ([1, 2], "at least 3 items"),
    ],
)
def test_malformed_scale(tmp_path: Path, levels: list[int], expected: str) -> None:
    data = raw()
    originals = data["scale"]["levels"]
    data["scale"]["levels"] = [
        {**originals[min(i, 4)], "value": v, "label": f"L{i}"} for i, v in enumerate(levels)
    ]
    message = failure(write(tmp_path, data))
    assert "scale > levels" in message or "scale:" in message or "scale" in message
    assert expected in message


def test_repeated_scale_label(tmp_path: Path) -> None:
    data = raw()
    data["scale"]["levels"][1]["label"] = "Never"
    assert "labels must be different" in failure(write(tmp_path, data))


def test_default_target_outside_the_scale(tmp_path: Path) -> None:
    data = raw()
    data["defaults"]["target"] = 9
    assert "defaults: target 9 is not a scale level" in failure(write(tmp_path, data))


def test_not_yaml(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("practices: [unclosed\n", encoding="utf-8")
    message = failure(path)
    assert "bad.yaml: the file is not valid YAML" in message


def test_yaml_aliases_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text('a: &a ["x", "x"]\nb: &b [*a, *a]\nc: [*b, *b]\n', encoding="utf-8")
    assert "aliases (*name) are not allowed" in failure(path)


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")
    assert "mapping of fields" in failure(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("name: caf\xe9".encode("latin-1"))
    assert "not UTF-8" in failure(path)


def test_missing_file(tmp_path: Path) -> None:
    assert "cannot be read" in failure(tmp_path / "nowhere.yaml")


def test_catalog_keeps_good_files_and_reports_broken_ones(tmp_path: Path) -> None:
    write(tmp_path, raw(), "good.yaml")
    data = raw()
    del data["name"]
    write(tmp_path, data, "zz-broken.yaml")
    other = raw()
    other["id"] = "second-framework"
    write(tmp_path, other, "second.yaml")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    catalog = load_catalog(framework_paths(tmp_path))
    assert catalog.ids == ("client-relationships", "second-framework")
    assert len(catalog.errors) == 1
    assert "zz-broken.yaml" in catalog.errors[0].message


def test_catalog_refuses_two_files_with_one_id(tmp_path: Path) -> None:
    write(tmp_path, raw(), "a.yaml")
    write(tmp_path, raw(), "b.yaml")
    catalog = load_catalog(framework_paths(tmp_path))
    assert catalog.ids == ("client-relationships",)
    assert "used twice" in catalog.errors[0].message


def test_every_statement_has_a_phrasing_for_raters(framework: Framework) -> None:
    assert framework.observable
    for practice in framework.practices:
        for indicator in practice.indicators:
            observed = indicator.observed or ""
            # About the person, not in their voice: no "I", "my" or "me" opens it.
            assert observed.split()[0] not in {"I", "My", "Me"}, indicator.id
            assert observed.endswith("."), indicator.id


def test_a_statement_without_a_phrasing_for_raters_is_named(tmp_path: Path) -> None:
    data = raw()
    del data["practices"][2]["indicators"][1]["observed"]
    message = failure(write(tmp_path, data))
    missing = data["practices"][2]["indicators"][1]["id"]
    assert f"indicator '{missing}' has no 'observed' phrasing" in message


def test_a_framework_with_no_phrasing_for_raters_loads_but_cannot_be_rated(
    tmp_path: Path,
) -> None:
    data = raw()
    for practice in data["practices"]:
        for indicator in practice["indicators"]:
            del indicator["observed"]
    assert not load_framework(write(tmp_path, data, "plain.yaml")).observable
