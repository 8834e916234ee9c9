"""schemathesis over the whole API, from its own /api/openapi.json: no server error, no answer
that breaks its schema, whatever the parameters."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

pytestmark = [pytest.mark.db, pytest.mark.slow, pytest.mark.django_db]

EXAMPLES = 60


@pytest.fixture
def keep_connection():
    """The WSGI handler closes database connections after each request; the test's transaction needs
    its own kept (django.test.Client does the same)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def operations(app):
    import schemathesis

    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def test_every_api_operation_keeps_to_its_schema(site, keep_connection):
    from django.core.wsgi import get_wsgi_application
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

    app = get_wsgi_application()
    checked = []
    for operation in operations(app):
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def run(case):
            response = case.call()
            case.validate_response(response, checks=[not_a_server_error, status_code_conformance,
                                                      content_type_conformance, response_schema_conformance])

        run()
        checked.append(operation.label)
    # every operation but /api/openapi.json itself, which schemathesis leaves out
    assert len(checked) == 5, checked
