"""Local use (the default): debug off by default too, a generated secret kept in the data dir.

The data dir is made owner-only (0700) and its secret key and SQLite files 0600
(``detente.store.datadir``), fixing the modes left by an older version.
"""

from detente.store.datadir import local_secret_key, prepare_data_dir, secure_databases

from .common import *  # noqa: F401,F403
from .common import DATA_DIR, DATABASES, OPTIONS

prepare_data_dir(DATA_DIR)
secure_databases(DATABASES)
SECRET_KEY = OPTIONS.secret_key or local_secret_key(DATA_DIR)
DEBUG = False
