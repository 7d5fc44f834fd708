"""Validate service rewrite requests with botocore, independently of the Go SDK.

Usage: botocore_service_check.py SERVICE OPERATION FILE [SERVICE OPERATION FILE ...]
e.g.   botocore_service_check.py ecs UpdateService update-service.json

Each FILE is checked with botocore's ParamValidator against the operation's
input shape, and every string member with an enum in the model must hold
one of its values (ParamValidator does not check enums). Prints one line per
problem and exits 1 when there is any.
"""
import json
import sys

import botocore.session
from botocore.validate import ParamValidator


def enum_errors(shape, value, path):
    """Yield enum violations in value, walking the shape."""
    if shape.type_name == "structure" and isinstance(value, dict):
        for name, member in shape.members.items():
            if name in value:
                yield from enum_errors(member, value[name], f"{path}.{name}")
    elif shape.type_name == "list" and isinstance(value, list):
        for i, item in enumerate(value):
            yield from enum_errors(shape.member, item, f"{path}[{i}]")
    elif shape.type_name == "map" and isinstance(value, dict):
        for k, item in value.items():
            yield from enum_errors(shape.value, item, f"{path}.{k}")
    elif shape.type_name == "string" and shape.enum and value not in shape.enum:
        yield f"{path}: {value!r} is not one of {', '.join(shape.enum)}"


def check(session, service, operation, path):
    with open(path) as f:
        params = json.load(f)
    shape = session.get_service_model(service).operation_model(operation).input_shape
    problems = []
    report = ParamValidator().validate(params, shape)
    if report.has_errors():
        problems.append(report.generate_report())
    problems.extend(enum_errors(shape, params, operation))
    return [f"{path}: {p}" for p in problems]


def main(args):
    if len(args) % 3:
        print(__doc__, file=sys.stderr)
        return 2
    session = botocore.session.get_session()
    problems = []
    for i in range(0, len(args), 3):
        problems.extend(check(session, *args[i:i + 3]))
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
