"""Small pieces of the pipeline, checked on their own."""

from __future__ import annotations

import re

import pytest
from bcc_api import ENVIRONMENTS
from bcc_regen._jsliteral import CODE, find_object_literals
from bcc_regen.documents import parse_document
from bcc_regen.errors import PipelineError
from bcc_regen.overlay import apply_overlay
from bcc_regen.sources import EXPLORERS
from bcc_regen.validate import check_references

OPTIONS = re.compile(r"\boptions\s*=\s*")
BUNDLE = re.compile(r"\bSwaggerUIBundle\(\s*")


def test_express_options_with_code_inside_are_read_as_data():
    script = """
      var options = {
        "swaggerDoc": {"swagger": "2.0", "info": {"title": "Admin API"}},
        "customOptions": {
          "requestInterceptor": function (r) { r.headers["X"] = "}"; return r; },
          "urls": [{"name": 'v1', "url": './v1.json'}]
        },
        "swaggerUrl": {}
      };
    """

    (found,) = find_object_literals(script, OPTIONS)

    assert found == {
        "swaggerDoc": {"swagger": "2.0", "info": {"title": "Admin API"}},
        "customOptions": {
            "requestInterceptor": CODE,
            "urls": [{"name": "v1", "url": "./v1.json"}],
        },
        "swaggerUrl": {},
    }


def test_stock_initializer_with_bare_keys_and_identifiers():
    script = """window.ui = SwaggerUIBundle({
        url: "https://example.invalid/v2/swagger.json", // the default
        dom_id: '#swagger-ui', deepLinking: true, maxDisplayedTags: 0x10,
        presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
        onComplete: () => { console.log("ready") }, ...extra,
    });"""

    (found,) = find_object_literals(script, BUNDLE)

    assert found == {
        "url": "https://example.invalid/v2/swagger.json",
        "dom_id": "#swagger-ui",
        "deepLinking": True,
        "maxDisplayedTags": 16,
        "presets": [CODE, CODE],
        "onComplete": CODE,
    }


def test_an_unfinished_literal_is_skipped():
    assert list(find_object_literals("var options = {a: [1, 2", OPTIONS)) == []


def _document() -> dict:
    return {
        "components": {
            "schemas": {
                "A": {"required": ["x", "y"], "properties": {"x": {}, "y": {}}},
                "B": {"required": ["x"], "tags": ["one"]},
            }
        }
    }


def _overlay(*actions: dict) -> dict:
    return {"overlay": "1.0.0", "actions": list(actions)}


def test_overlay_removes_then_merges_in_order():
    document = _document()

    apply_overlay(
        document,
        _overlay(
            {"target": "$.components.schemas['A','B'].required", "remove": True},
            {"target": "$.components.schemas.A", "update": {"required": ["x"]}},
            {"target": "$.components.schemas.B.tags", "update": "two"},
        ),
        name="test",
    )

    assert document["components"]["schemas"] == {
        "A": {"required": ["x"], "properties": {"x": {}, "y": {}}},
        "B": {"tags": ["one", "two"]},
    }


def test_overlay_update_merges_objects_recursively():
    document = _document()

    apply_overlay(
        document,
        _overlay(
            {
                "target": "$.components.schemas.A",
                "update": {"properties": {"y": {"nullable": True}}},
            }
        ),
        name="test",
    )

    assert document["components"]["schemas"]["A"]["properties"] == {
        "x": {},
        "y": {"nullable": True},
    }


def test_overlay_action_matching_nothing_fails():
    with pytest.raises(PipelineError, match=r"action 1: target .* matches nothing"):
        apply_overlay(
            _document(),
            _overlay({"target": "$.components.schemas.C", "remove": True}),
            name="test",
        )


def test_recursive_schemas_are_not_mistaken_for_alias_loops():
    document = {
        "components": {
            "schemas": {
                "Person": {
                    "properties": {
                        "affiliations": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Affiliation"},
                        }
                    }
                },
                "Affiliation": {
                    "properties": {"person": {"$ref": "#/components/schemas/Person"}}
                },
                "Member": {"$ref": "#/components/schemas/Person"},
            }
        }
    }

    check_references(document, source="test")


def test_explorer_origins_match_the_client_presets():
    for name, explorer in EXPLORERS.items():
        assert explorer == f"{ENVIRONMENTS[name].api_url}/docs/"


@pytest.mark.parametrize(
    ("target", "left"),
    [
        ("$.a[1,0]", ["c", "d"]),
        ("$.a[0,0]", ["b", "c", "d"]),
        ("$.a[-1,0]", ["b", "c"]),
        ("$.a[?@ == 'b' || @ == 'd']", ["a", "c"]),
    ],
)
def test_overlay_removes_exactly_the_selected_list_items(target, left):
    document = {"a": ["a", "b", "c", "d"]}

    apply_overlay(document, _overlay({"target": target, "remove": True}), name="t")

    assert document == {"a": left}


def test_yaml_keys_are_read_as_the_strings_they_are_written_as():
    document = parse_document(
        b"openapi: 3.0.3\nresponses:\n  200: {description: ok}\n"
        b"  default: {description: other, x-flag: yes}\n"
        b"base: &b {x: 1}\nmerged: {<<: *b, y: 2}\n",
        source="test",
    )

    assert list(document["responses"]) == ["200", "default"]
    assert document["responses"]["default"]["x-flag"] is True
    assert document["merged"] == {"x": 1, "y": 2}


def test_javascript_escapes_in_strings_are_decoded():
    script = r"""var options = {
        "a": "x\x20y", 'b': 'it\'s', c: "\u{1F600}\u00e9", d: "tab\there"
    };"""

    (found,) = find_object_literals(script, OPTIONS)

    assert found == {"a": "x y", "b": "it's", "c": "\U0001f600\u00e9", "d": "tab\there"}


def test_absurdly_deep_literals_are_skipped_not_crashed_on():
    script = "var options = " + "{a: " * 5000 + "1" + "}" * 5000 + ";"

    assert list(find_object_literals(script, OPTIONS)) == []
