"""Conversion to OpenAPI 3 and the generic normalisations, checked through use."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bcc_regen.convert import to_openapi3
from bcc_regen.generate import generate_package

from .conftest import Workspace

WIDGETS = {
    "swagger": "2.0",
    "info": {"title": "Widgets", "version": "1"},
    "paths": {
        "/widgets/{id}": {
            "get": {
                "operationId": "getWidget",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "type": "string"}
                ],
                "responses": {
                    "200": {
                        "description": "OK",
                        "schema": {"$ref": "#/definitions/widget.Widget"},
                    }
                },
            }
        }
    },
    "definitions": {
        "widget.Widget": {
            "type": "object",
            "required": ["name", "madeAt"],
            "properties": {
                "name": {"type": "string"},
                "madeAt": {"type": "string", "format": "date-time"},
                "retiredAt": {"type": "string", "format": "date", "x-nullable": True},
            },
        }
    },
}


def test_a_response_without_produces_is_declared_as_json():
    converted = to_openapi3(WIDGETS)

    content = converted["paths"]["/widgets/{id}"]["get"]["responses"]["200"]["content"]
    assert list(content) == ["application/json"]
    assert content["application/json"]["schema"] == {
        "$ref": "#/components/schemas/widget.Widget"
    }


def test_x_nullable_becomes_nullable_and_dates_stop_being_required():
    schema = to_openapi3(WIDGETS)["components"]["schemas"]["widget.Widget"]

    assert schema["properties"]["retiredAt"]["nullable"] is True
    assert schema["required"] == ["name"]


class _WidgetServer(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps({"name": "gear", "madeAt": "", "retiredAt": ""}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_the_generated_operation_returns_a_parsed_model(tmp_path: Path):
    workspace = Workspace(tmp_path)
    generate_package(
        to_openapi3(WIDGETS), package="widgets", out_dir=workspace.generated
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), _WidgetServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        printed = workspace.python(
            "from widgets import Client\n"
            "from widgets.api.default import get_widget\n"
            "from widgets.types import UNSET\n"
            f"client = Client(base_url='http://127.0.0.1:{server.server_port}')\n"
            "widget = get_widget.sync('w-1', client=client)\n"
            "print(type(widget).__name__, widget.name, widget.made_at is UNSET,"
            " widget.retired_at)\n"
        )
    finally:
        server.shutdown()
        server.server_close()
        thread.join()

    assert printed.split() == ["WidgetWidget", "gear", "True", "None"]
