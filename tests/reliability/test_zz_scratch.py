import time
import pytest
from tests.reliability.conftest import commongraph
from tests.support.bulk import write_relationship_tables, write_services
from tests.support.fingerprint import graph_fingerprint

pytestmark = pytest.mark.neo4j

def test_timing(driver, tmp_path):
    t=time.monotonic(); p=write_services(tmp_path/"s.json", 3000); print("gen", time.monotonic()-t)
    n,e = write_relationship_tables(tmp_path, 3000, 10000)
    t=time.monotonic(); r=commongraph("load","oruk",str(p)); print("load oruk", time.monotonic()-t, r.returncode, r.stderr[-500:])
    t=time.monotonic(); r=commongraph("load","oruk",str(p)); print("reload oruk", time.monotonic()-t, r.returncode)
    t=time.monotonic(); r=commongraph("load","relationships",str(n),str(e)); print("load rel", time.monotonic()-t, r.returncode, r.stderr[-300:])
    t=time.monotonic(); f=graph_fingerprint(driver); print("fp", time.monotonic()-t, f.nodes, f.relationships)
