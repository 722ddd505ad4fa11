#!/usr/bin/env bash
# Solution for the `tour` lab: a namespace for the Bookstore and a disk label on one worker.
# Works in the simulator's shell and in bash with the real kubectl.

# Step 1-3 only read the cluster; these are the commands a learner types to explore.
kubectl get nodes -o wide
kubectl describe node wheelhouse-worker
kubectl get pods -n kube-system -o wide
kubectl api-resources --namespaced=false
kubectl explain pod.spec.containers.image

# Step 4: the namespace, from the manifest in the workspace.
cat > namespace.yaml <<'YAML'
apiVersion: v1
kind: Namespace
metadata:
  name: bookstore
  labels:
    app.kubernetes.io/part-of: bookstore
YAML
kubectl apply -f namespace.yaml
kubectl get namespace bookstore

# Step 5: the disk label, on wheelhouse-worker only. --overwrite makes re-running the solution safe.
kubectl label node wheelhouse-worker disk=ssd --overwrite
kubectl get nodes -l disk=ssd
