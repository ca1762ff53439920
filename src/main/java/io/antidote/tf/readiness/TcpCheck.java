package io.antidote.tf.readiness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Ready when the port accepts a TCP connection. A host name that cannot be resolved is a definite failure. */
public final class TcpCheck extends NetworkCheck {
    public TcpCheck(CheckTarget target) {
        super(target);
    }

    @Override
    CheckOutcome attempt(InetSocketAddress address, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(address, Math.toIntExact(Math.max(1, timeout.toMillis())));
            return CheckOutcome.ready("accepted a TCP connection");
        } catch (SocketTimeoutException e) {
            return CheckOutcome.notYet("no TCP answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return CheckOutcome.notYet("TCP connect: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "TcpCheck[" + target() + "]";
    }
}
