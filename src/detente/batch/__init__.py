"""Batch analysis on Dask: corpora in, partitioned Parquet out, resumable.

``job.run_batch`` plans partitions of the inputs (``inputs``), skips those a
previous run finished (``manifest``), and runs ``worker.process_partition``
for the rest on a Dask cluster (``cluster``). Each partition's files are
written atomically (``files``) in the layout of ``layout`` with the schemas
of ``schema``.
"""
