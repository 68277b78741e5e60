"""Small pieces of the pipeline, checked on their own."""

from __future__ import annotations

import re

import pytest
from bcc_api import ENVIRONMENTS
from bcc_regen._jsliteral import CODE, find_object_literals
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
