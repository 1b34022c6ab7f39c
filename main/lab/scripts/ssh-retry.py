#!/usr/bin/env python3
"""The practice lab's user who keeps trying SSH (fault ovn-acl-drop): from one instance's tap, a
TCP SYN to another instance's port 22 every second, as an ssh client retrying would send. Lab
instances are OVS ports with no guest behind them, so this is the only traffic they carry; the
datapath then drops it where the security group no longer allows it, and the drop is seen in
`ovs-appctl dpctl/dump-flows` as on a real compute.

  ssh-retry.py TAP SRC_MAC DST_MAC SRC_IP DST_IP DST_PORT

It stops when the tap goes away (the lab is down, the port unplugged) or after a day.
"""
import socket
import struct
import sys
import time


def checksum(data):
    if len(data) % 2:
        data += b'\0'
    total = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def syn(src_mac, dst_mac, src_ip, dst_ip, sport, dport):
    s, d = socket.inet_aton(src_ip), socket.inet_aton(dst_ip)
    tcp = struct.pack('!HHIIBBHHH', sport, dport, sport * 7919, 0, 5 << 4, 0x02, 64240, 0, 0)
    tcp = tcp[:16] + struct.pack('!H', checksum(s + d + struct.pack('!BBH', 0, 6, len(tcp)) + tcp)) + tcp[18:]
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(tcp), sport & 0xFFFF, 0x4000, 64, 6, 0, s, d)
    ip = ip[:10] + struct.pack('!H', checksum(ip)) + ip[12:]
    return bytes.fromhex(dst_mac.replace(':', '')) + bytes.fromhex(src_mac.replace(':', '')) + b'\x08\x00' + ip + tcp


def main():
    tap, src_mac, dst_mac, src_ip, dst_ip, dport = sys.argv[1:7]
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    sock.bind((tap, 0))
    started = time.monotonic()
    sport = 40000
    while time.monotonic() - started < 86400:
        try:
            sock.send(syn(src_mac, dst_mac, src_ip, dst_ip, sport, int(dport)))
        except OSError as e:
            print(f'ssh-retry: {tap}: {e}; stopping', flush=True)
            return
        sport = 40000 + (sport - 39999) % 20000
        time.sleep(1)


if __name__ == '__main__':
    main()
