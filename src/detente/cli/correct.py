"""`detente correct EVENT_ID`: an analyst's correction, rejection or restoration of an event."""

from __future__ import annotations

import sys

from detente.errors import OptionError


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "correct", help="correct, reject or restore a stored event (kept with who and when)",
        description="Change an event's code, actors or date, or reject/restore it. Timelines, "
                    "listings and exports use the corrected values.")
    parser.add_argument("event_id", type=int, metavar="EVENT_ID", help="the event id (see `detente events`)")
    parser.add_argument("--code", default=None, help="new CAMEO event code, e.g. 190")
    parser.add_argument("--source", default=None, metavar="ACTOR", help="new source actor (RUS, Erdogan, TURGOV)")
    parser.add_argument("--target", default=None, metavar="ACTOR", help="new target actor")
    parser.add_argument("--date", default=None, metavar="D|START..END", help="new date or date range")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--reject", action="store_true", help="exclude the event everywhere")
    action.add_argument("--restore", action="store_true", help="undo a rejection")
    parser.add_argument("--user", default=None, metavar="NAME", help="who makes the correction")
    parser.add_argument("--note", default="", metavar="T", help="why")
    return parser


def run(args, options) -> int:
    # imported when the command runs, to keep `detente --help` fast
    from .store import open_existing_store

    changes = {"code": args.code, "source": args.source, "target": args.target, "date": args.date}
    if (args.reject or args.restore) and any(changes.values()):
        raise OptionError("--reject/--restore cannot be combined with field changes: run two commands")
    open_existing_store(options)
    # imported when the command runs, to keep `detente --help` fast
    from detente.store import corrections

    event = corrections.get_event(args.event_id)
    user = args.user or ""
    if args.reject:
        logged = [corrections.reject_event(event, user, note=args.note)]
    elif args.restore:
        logged = [corrections.restore_event(event, user, note=args.note)]
    else:
        logged = corrections.correct_event(event, user, note=args.note, **changes)
    for entry in logged:
        print(f"event {event.pk}: {entry.field}: {entry.old_value or '-'} -> {entry.new_value}", file=sys.stderr)
    return 0

