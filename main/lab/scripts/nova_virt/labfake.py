"""The practice lab's compute driver: Nova's FakeDriver with the size of a lab compute.

FakeDriver reports 1000 VCPU / 800000 MB / 600000 GB; a lab compute reports what its [labfake]
section says (the light lab's seeded inventory: 8 VCPU, 16384 MB, 200 GB), and the resource
provider UUID the lab gives that compute, so Placement numbers and faults read the same with or
without a real nova-compute.
"""
from oslo_config import cfg

from nova.virt import fake

CONF = cfg.CONF
CONF.register_opts([
    cfg.IntOpt('vcpus', default=8),
    cfg.IntOpt('memory_mb', default=16384),
    cfg.IntOpt('disk_gb', default=200),
    cfg.StrOpt('node_uuid', default=None,
               help='UUID of the compute node and its resource provider'),
], group='labfake')


class LabFakeDriver(fake.FakeDriver):

    def __init__(self, virtapi, read_only=False):
        # Instance attributes shadow FakeDriver's class attributes (used by
        # get_available_resource and update_provider_tree).
        self.vcpus = CONF.labfake.vcpus
        self.memory_mb = CONF.labfake.memory_mb
        self.local_gb = CONF.labfake.disk_gb
        super().__init__(virtapi, read_only)

    def get_available_resource(self, nodename):
        resources = super().get_available_resource(nodename)
        if resources and CONF.labfake.node_uuid:
            # Copied to the ComputeNode when it is created, as Ironic does.
            resources['uuid'] = CONF.labfake.node_uuid
        return resources
