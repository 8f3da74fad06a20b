"""Open Referral loaders: ORUK/HSDS 3.0 and ORUK 1.0 JSON into the graph."""

from loaders.oruk.load import load_oruk_path, load_records, load_service_records

__all__ = ["load_oruk_path", "load_records", "load_service_records"]
