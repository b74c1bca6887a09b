package io.handshakematrix.plan;

import java.util.List;

/**
 * A candidate edit verified on the fleet: every link through the edited file ({@code affected}) re-run with the
 * edit applied (on top of the planned changes); {@code fixes} the failing links that then work, {@code breaks}
 * the working links that then fail, {@code stillFailing} the failing ones it does not help.
 */
public record EditCheck(HostEdit edit, List<Link> affected, List<Link> fixes, List<Link> breaks,
                        List<Link> stillFailing) {
}
