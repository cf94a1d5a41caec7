package io.drover.master.api;

import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.protocol.Paths;
import io.drover.protocol.state.MasterStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A standby knows nothing of the cluster (it reads the store only when it takes over), so an empty list or a
 * 404 from it would be wrong: every public API call to a standby answers 503 with the leader's URL, except
 * {@code GET /api/v1/cluster}, which says what this master is and who leads. A recovering master has read
 * the store, so reads work there; writes answer 503 from the state machine's lifecycle.
 */
@Configuration(proxyBeanMethods = false)
class StandbyReads implements WebMvcConfigurer {

    private final ClusterStateStore store;

    StandbyReads(ClusterStateStore store) {
        this.store = store;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                ClusterSnapshot snapshot = store.snapshot();
                if (snapshot.status() == MasterStatus.STANDBY) {
                    String leader = snapshot.leaderUrl();
                    throw Commands.notLeading("this master is a standby" + (leader != null
                            ? "; the leader is " + leader : " and no leader is known yet"), MasterStatus.STANDBY,
                            leader);
                }
                return true;
            }
        }).addPathPatterns(Paths.API + "/**").excludePathPatterns(Paths.CLUSTER, Paths.API + "/openapi/**",
                Paths.API + "/openapi");
    }
}
