package io.nanopulse.gateway.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ClientNetworkTest {

    @Test
    void ipv6AddressesOfOneSlash64CountAsOneClient() {
        String network = "2a01:4f8:1:2:0:0:0:0/64";
        assertEquals(network, ClientNetwork.of("2a01:4f8:1:2:aaaa:bbbb:cccc:1"));
        assertEquals(network, ClientNetwork.of("2a01:4f8:1:2:0:0:0:ffff"));
        assertEquals(network, ClientNetwork.of("2a01:4f8:1:2::9%eth0"));
        assertNotEquals(ClientNetwork.of("2a01:4f8:1:2::1"), ClientNetwork.of("2a01:4f8:1:3::1"));
    }

    @Test
    void ipv4AddressesCountAlone() {
        assertEquals("203.0.113.7", ClientNetwork.of("203.0.113.7"));
        assertNotEquals(ClientNetwork.of("203.0.113.7"), ClientNetwork.of("203.0.113.8"));
        assertEquals("203.0.113.7", ClientNetwork.of("::ffff:203.0.113.7"));
    }

    @Test
    void whatIsNotAnAddressStaysAsGiven() {
        assertEquals("unknown", ClientNetwork.of("unknown"));
        assertEquals("not:an:address:zz", ClientNetwork.of("not:an:address:zz"));
    }
}
